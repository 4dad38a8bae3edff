WORKDIR c:\system32
COPY bla.sh blubb.sh
EXPOSE 8�𐏿￾0/TCP 127.0.0.1:80:80 -1 65536/udp
