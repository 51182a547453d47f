# BeXtr's container image. Build: `docker build -t bextr .`; run: see compose.yaml and the operations
# guide. Two stages: `build` installs everything and builds the web app; `runtime` holds production
# dependencies only, the API's sources (run by tsx, decision 004) and the built web app.
# Debian (glibc), not Alpine: sharp's and argon2's prebuilt binaries are built for glibc.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Manifests first, so the dependency layer is reused while only sources change. Every workspace's
# package.json is needed: npm ci checks the lockfile against all of them.
COPY package.json package-lock.json ./
COPY packages/contracts/package.json packages/contracts/
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY e2e/package.json e2e/
COPY bench/package.json bench/
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json ./
COPY packages/contracts packages/contracts
COPY apps/web apps/web
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/contracts/package.json packages/contracts/
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY e2e/package.json e2e/
COPY bench/package.json bench/
# Production dependencies only: tsx (root), the API's and the contracts' runtime packages.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY tsconfig.base.json ./
COPY packages/contracts packages/contracts
COPY apps/api apps/api
COPY scripts/start.mjs scripts/web-build.mjs scripts/
COPY --from=build /app/apps/web/dist apps/web/dist
# `npm start` rebuilds the web app when its build is older than its sources (scripts/web-build.mjs);
# here there is no vite to build with, so the built app is made the newest file.
RUN touch apps/web/dist/index.html \
    && mkdir -p /data && chown node:node /data && chmod 700 /data
# Uploads (and the embedded database, when DATABASE_URL is not set) live in DATA_DIR.
VOLUME ["/data"]
USER node
EXPOSE 3000
# Ready = the process answers and its database does; node's fetch, since slim images have no curl.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# What `npm start` runs, without npm in between, so SIGTERM reaches the server (graceful stop).
# --no-web-build: the image has no vite, so a web build that looks stale (clock skew, future
# mtimes in the build context) must not be rebuilt at boot; the built app above is what it serves.
CMD ["node", "scripts/start.mjs", "--no-web-build"]
