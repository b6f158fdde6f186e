# syntax=docker/dockerfile:1
# The Dondoc application image. Built by docker/compose.yaml with the repository root as context:
#   docker build -f docker/app.Dockerfile -t dondoc-app .

# --- build: the same Maven build as `bin/dondoc run` (tests run in CI, not here) ---------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# node and npm: the build installs the browser libraries from the npm registry (app/src/main/frontend)
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
COPY . .
# The cache mount keeps ~/.m2 between builds (BuildKit, the default builder since Docker 23).
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests package

# --- run: JRE only, unprivileged user ---------------------------------------------------------
FROM eclipse-temurin:17-jre
ENV TZ=Asia/Ho_Chi_Minh
# curl for the compose healthcheck, tzdata for TZ (both no-ops if the base image has them)
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system dondoc \
 && useradd --system --gid dondoc --home-dir /app --shell /usr/sbin/nologin dondoc
WORKDIR /app
COPY --from=build --chown=root:root /src/app/target/dondoc-app.jar /app/dondoc-app.jar
USER dondoc
EXPOSE 8080
# JVM options (heap size etc.) go in JAVA_TOOL_OPTIONS; app settings in the DONDOC_* variables.
ENTRYPOINT ["java", "-jar", "/app/dondoc-app.jar"]
