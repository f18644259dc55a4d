FROM busybox
MAINTAINER zhaojingchao<andre215000@163.com>
ENV MYPATH /usr/local
WORKDIR $MYPATH

RUN yum -y install vim
RUN yum -y install net-tools

EXPOSE 80

CMD echo $MYPATH
CMD echo "the centOS image have been built..."
CMD echo /bin/bash
