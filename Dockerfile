# One image for every CreatorOps process; docker-compose.yml picks the command:
#   api     node dist/apps/api/main.js     (default)
#   worker  node dist/apps/worker/main.js
#   migrate node dist/libs/db/migrate.js   (migrations + first admin)

ARG NODE_IMAGE=node:20-bookworm-slim
# The npm that writes package-lock.json; the base image ships npm 10.
ARG NPM_VERSION=11.19.1

FROM ${NODE_IMAGE} AS build
ARG NPM_VERSION
RUN npm install -g "npm@${NPM_VERSION}"
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
ARG NPM_VERSION
RUN npm install -g "npm@${NPM_VERSION}"
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist

# In production AdminJS bundles the panel's front end at boot (ADMIN_JS_SKIP_BUNDLE is
# not "true"), writing into ADMIN_JS_TMP_DIR: the one place the non-root user must write.
ENV ADMIN_JS_TMP_DIR=/app/.adminjs
RUN mkdir -p "$ADMIN_JS_TMP_DIR" && chown node:node "$ADMIN_JS_TMP_DIR"

USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
