# syntax=docker/dockerfile:1
# The Kiln model server: `kiln serve` (KServe V2 REST + /metrics on port 8080).
#
#   docker build -t kiln-serve .
#   docker run -p 8080:8080 -e KILN_STORE=s3://bucket/kiln -e AWS_REGION=… kiln-serve iris:production
#
# Three stages: `build` compiles the TypeScript runtime (and the JSON schemas it imports); `deps` installs production dependencies
# only; the final image holds those two, runs as an unprivileged user and has no npm, compiler or
# test code. onnxruntime-node's install script is skipped: its CPU binaries ship in the package.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
ENV ONNXRUNTIME_NODE_INSTALL=skip
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY runtime ./runtime
COPY schema ./schema
RUN npx tsc -p tsconfig.build.json --outDir /out

FROM ${NODE_IMAGE} AS deps
WORKDIR /src
ENV ONNXRUNTIME_NODE_INSTALL=skip
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && rm -rf node_modules/onnxruntime-node/bin/napi-v*/darwin node_modules/onnxruntime-node/bin/napi-v*/win32 \
  && npm cache clean --force

FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /src/node_modules ./node_modules
COPY --from=build /out/runtime ./runtime
COPY --from=build /out/schema ./schema
COPY package.json ./
# A numeric, unprivileged user, so Kubernetes can check runAsNonRoot.
RUN groupadd --system --gid 10001 kiln && useradd --system --uid 10001 --gid kiln --no-create-home kiln
USER 10001:10001
EXPOSE 8080
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "/app/runtime/cli/kiln.js", "serve"]
CMD ["--help"]
