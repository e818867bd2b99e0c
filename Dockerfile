# One image for every CreatorOps process; docker-compose.yml picks the command:
#   api     node dist/apps/api/main.js     (default)
#   worker  node dist/apps/worker/main.js
#   migrate node dist/libs/db/migrate.js   (migrations + first admin)

# Node 22, an LTS line with support to April 2027 (Node 20's ended in April 2026); package.json's
# `engines` must admit it (test/e2e/deployment.spec.ts checks both).
ARG NODE_IMAGE=node:22-bookworm-slim
# The npm that writes package-lock.json; the base image ships an older one.
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
# dist/ holds the compiled apps and the back office's component bundle (dist/panel, built by
# `npm run build`), which the API serves as it is: nothing is bundled or written at run time.
COPY --from=build /app/dist ./dist

USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
