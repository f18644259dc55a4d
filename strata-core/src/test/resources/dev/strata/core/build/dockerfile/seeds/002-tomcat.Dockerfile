FROM busybox
MAINTAINER zhaojingchao<andre215000@163.com>
# 拷贝文件
COPY readme.txt /usr/local/readme.txt

# 添加压缩文件至 /usr/local/目录
ADD jdk-8u161-linux-x64.tar.gz /usr/local/
ADD apache-tomcat-8.5.55.tar.gz /usr/local/

# 执行安装vim命令
RUN yum -y install vim

# 配置环境变量目录
ENV MYPATH /usr/local
# 设置工作目录
WORKDIR $MYPATH

# 配置环境变量
ENV JAVA_HOME /usr/local/jdk1.8.0_161
ENV CLASSPATH $JAVA_HOME/lib/dt.jar:$JAVA_HOME/lib/tools.jar
ENV CATALINA_HOME /usr/local/apache-tomcat-8.5.55
ENV CATALINA_BASH /usr/local/apache-tomcat-8.5.55
ENV PATH $PATH:$JAVA_HOME/bin:$CATALINA_HOME/lib:$CATALINA_HOME/bin

# 暴露8080端口
EXPOSE 8080

# 构建镜像的时候执行该命令
CMD /usr/local/apach-tomcat-8.5.55/bin/startup.sh && tail -f /usr/local/apach-tomcat-8.5.55/bin/logs/catalina.out
