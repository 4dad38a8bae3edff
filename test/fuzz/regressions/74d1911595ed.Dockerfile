# syntax=docker/dockerfile:1
FROM --platform=${TARGETPLATFORM} alpine:3.2�𐏿￾4