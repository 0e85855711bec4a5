import { toYaml } from '@ultron/platform';
import type { NewApp } from './workspace.ts';

/**
 * Pinned build inputs of the app image. Renovate moves them here (renovate.json's regex manager), and its
 * Dockerfile manager moves the ARGs in the app repositories already written.
 */
// renovate: datasource=docker depName=golang
const GO_VERSION = '1.25';
// renovate: datasource=docker depName=migrate/migrate
const MIGRATE_VERSION = 'v4.18.3';

export interface AppRepoOptions {
  app: NewApp;
  /** `ghcr.io/<owner>/<app>`, the image without tag. */
  repository: string;
  /** `owner/name` of this gitops repo, which receives the image bump. */
  gitopsRepo: string;
}

function dockerfile(o: AppRepoOptions): string {
  return `# syntax=docker/dockerfile:1
# The image the gitops repo deploys (${o.repository}): written by \`ultron new ${o.app.name} --app-repo\`.
# Contract with the workload definition: runs as non-root (65532) on linux/arm64 with a read-only root
# filesystem, serves the API and /metrics on port ${o.app.port}, and bundles \`migrate\` (golang-migrate) with the
# SQL migrations in /migrations, which the migrations Job runs once per image as: migrate -path /migrations
# -database postgres://<app>-pg-rw:5432/<app>?sslmode=require up (credentials from PGUSER/PGPASSWORD).
# The build stage assumes a Go service in ./cmd/${o.app.name}; replace it for another language, keep the rest.

ARG GO_VERSION=${GO_VERSION}
ARG MIGRATE_VERSION=${MIGRATE_VERSION}

# Cross-compiles on the runner's own architecture: no emulation, so arm64 builds take as long as amd64 ones.
FROM --platform=$BUILDPLATFORM golang:\${GO_VERSION}-bookworm AS build
ARG TARGETOS TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \\
    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \\
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/${o.app.name}

# The upstream migrate CLI, a static binary, for the target architecture.
FROM migrate/migrate:\${MIGRATE_VERSION} AS migrate

# Distroless: no shell, no package manager; "nonroot" is UID/GID 65532, as the pod security context expects.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app
COPY --from=migrate /usr/local/bin/migrate /usr/local/bin/migrate
COPY migrations /migrations
USER 65532:65532
EXPOSE ${o.app.port}
ENTRYPOINT ["/app"]
`;
}

const DOCKERIGNORE = `# Only what the build stage needs reaches the builder: faster builds, no secrets in layers.
.git
.github
.dockerignore
Dockerfile
**/*.md
**/node_modules
**/.env*
**/*_test.go
coverage
dist
tmp
`;

/**
 * The app repo's CI: on every push to main, build linux/arm64 with buildx, push
 * `ghcr.io/<owner>/<app>:sha-<short sha>`, then ask the gitops repo to deploy it (repository_dispatch,
 * received by its image-bump workflow). Built as data, serialized like every other YAML the kit writes.
 */
/** A GitHub Actions expression, `${{ … }}`, evaluated by the runner, not by this template. */
const gh = (expression: string) => `\${{ ${expression} }}`;

function buildWorkflow(o: AppRepoOptions): string {
  const workflow = {
    name: 'build',
    on: { push: { branches: ['main'] }, workflow_dispatch: {} },
    permissions: { contents: 'read', packages: 'write' },
    concurrency: { group: `build-${gh('github.ref')}`, 'cancel-in-progress': false },
    jobs: {
      image: {
        'runs-on': 'ubuntu-24.04',
        'timeout-minutes': 30,
        steps: [
          { uses: 'actions/checkout@v4' },
          {
            name: 'Tag: sha-<short git sha>, the only tags the gitops repo deploys',
            id: 'tag',
            run: `echo "tag=sha-\${GITHUB_SHA::7}" >> "$GITHUB_OUTPUT"`,
          },
          { uses: 'docker/setup-buildx-action@v3' },
          {
            uses: 'docker/login-action@v3',
            with: {
              registry: 'ghcr.io',
              username: gh('github.actor'),
              password: gh('secrets.GITHUB_TOKEN'),
            },
          },
          {
            name: 'Build and push linux/arm64',
            uses: 'docker/build-push-action@v6',
            with: {
              context: '.',
              platforms: 'linux/arm64',
              push: true,
              tags: `${o.repository}:${gh('steps.tag.outputs.tag')}`,
              'cache-from': 'type=gha',
              'cache-to': 'type=gha,mode=max',
            },
          },
          {
            name: `Ask ${o.gitopsRepo} to deploy it`,
            env: { GH_TOKEN: gh('secrets.GITOPS_DISPATCH_TOKEN'), TAG: gh('steps.tag.outputs.tag') },
            run: [
              `gh api repos/${o.gitopsRepo}/dispatches \\`,
              '  -f event_type=image-bump \\',
              `  -f 'client_payload[app]=${o.app.name}' \\`,
              '  -f "client_payload[tag]=$TAG"',
            ].join('\n'),
          },
        ],
      },
    },
  };
  return [
    `# Written by \`ultron new ${o.app.name} --app-repo\`: build linux/arm64, push, ask ${o.gitopsRepo} to deploy.`,
    `# Needs the repository secret GITOPS_DISPATCH_TOKEN: a fine-grained token with "Contents: read and write"`,
    `# on ${o.gitopsRepo} only (what a repository_dispatch requires).`,
    toYaml(workflow),
  ].join('\n');
}

/** The app repository's side of the recipe, relative to that repository's root. */
export function appRepoFiles(o: AppRepoOptions): Map<string, string> {
  return new Map([
    ['Dockerfile', dockerfile(o)],
    ['.dockerignore', DOCKERIGNORE],
    ['.github/workflows/build.yml', buildWorkflow(o)],
  ]);
}
