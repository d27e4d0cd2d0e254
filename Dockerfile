# syntax=docker/dockerfile:1
# Build: a static binary with the knowledge base embedded.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# The models are trained here, once, and shipped beside the binary
# (ANSINH_MODELS): a first start reads them instead of training.
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/ansinh ./cmd/ansinh \
 && /out/ansinh content check \
 && /out/ansinh content train /out/ansinh.models \
 && chmod 0444 /out/ansinh.models

# Run: no shell, no package manager, a non-root user, state on /data.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/ansinh /usr/local/bin/ansinh
COPY --from=build /out/ansinh.models /usr/local/share/ansinh/models
ENV ANSINH_DB=/data/ansinh.db \
    ANSINH_MODELS=/usr/local/share/ansinh/models \
    ANSINH_HTTP=0.0.0.0:8080 \
    ANSINH_TZ=Asia/Ho_Chi_Minh
VOLUME ["/data"]
EXPOSE 8080
USER nonroot:nonroot
HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 \
  CMD ["/usr/local/bin/ansinh", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/ansinh"]
CMD ["serve"]
