# syntax=docker/dockerfile:1
# careergen in a container: a static (musl) binary on an empty base image,
# run as an unprivileged user, with `careergen` as the entry point.
#
#   docker build -t careergen .
#   docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/site" careergen build
#
# The commit shown by `careergen --version` can be passed in, as the build
# context holds no .git folder:
#   docker build --build-arg CAREERGEN_COMMIT="$(git log -1 --format='%h %cs')" -t careergen .

FROM rust:1.95-alpine AS build
# musl-dev: headers and startup files for the C parts (mimalloc).
# hadolint ignore=DL3018
RUN apk add --no-cache musl-dev
WORKDIR /src
COPY Cargo.toml Cargo.lock build.rs ./
COPY src ./src
COPY vendor ./vendor
COPY themes ./themes
ARG CAREERGEN_COMMIT=""
ENV CAREERGEN_COMMIT=${CAREERGEN_COMMIT}
# On Alpine the host target is musl, which Rust links statically.
RUN cargo build --release --locked --bin careergen \
    && cp target/release/careergen /usr/local/bin/careergen \
    && /usr/local/bin/careergen --version \
    && mkdir /site

FROM scratch
COPY --from=build /usr/local/bin/careergen /usr/local/bin/careergen
# An empty working folder the unprivileged user owns, for the site mount.
COPY --from=build --chown=65532:65532 /site /site
USER 65532:65532
WORKDIR /site
ENTRYPOINT ["/usr/local/bin/careergen"]
CMD ["--help"]
