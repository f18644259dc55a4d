# Version 0.0.1
FROM busybox
LABEL maintainer="chumoshi"
RUN apt update
RUN apt install -y nginx
RUN echo 'Hi, I am your container' \
    >/usr/share/nginx/html/index.html
EXPOSE 80
