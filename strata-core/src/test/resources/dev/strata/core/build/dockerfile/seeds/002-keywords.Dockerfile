FROM     		# 基础镜像，一切从这里开始
MAINTAINER		# 镜像的维护者，姓名 + 邮箱
RUN				# 镜像构建的时候需要运行的命令
ADD				# 添加构建其他镜像
WORDIR			# 镜像的工作目录
VOLUME			# 镜像的挂载目录
EXPOSE			# 保留端口配置
CMD				# 指定这个容器启动的时候要运行的命令，只有最后一个会生效，可被代替
ENTRYPOINT		# 指定这个容器启动的时候要运行的命令，可以追加命令
ONBUILD			# 当构建一个被继承的DockerFile时，这个时候会运行ONBUILD指令
COPY			# 类似ADD，将文件拷贝至镜像中
ENV				# 构建的时候设置的环境变量	
