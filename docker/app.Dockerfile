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
# Camunda's own create and upgrade scripts for PostgreSQL, from the engine jar the app runs, for
# docker/camunda-schema.sh (the prod profile does not let the engine change its tables)
RUN mkdir -p /src/camunda-sql/create /src/camunda-sql/upgrade /tmp/engine && cd /tmp/engine \
 && engine=$(jar tf /src/app/target/dondoc-app.jar | grep -o 'BOOT-INF/lib/camunda-engine-7[^/]*\.jar') \
 && jar xf /src/app/target/dondoc-app.jar "$engine" && jar xf "$engine" org/camunda/bpm/engine/db \
 && cp org/camunda/bpm/engine/db/create/activiti.postgres.create.*.sql /src/camunda-sql/create/ \
 && cp org/camunda/bpm/engine/db/upgrade/postgres_engine_*.sql /src/camunda-sql/upgrade/ \
 && basename "$engine" .jar | sed 's/^camunda-engine-//' > /src/camunda-sql/VERSION

# --- run: JRE only, unprivileged user ---------------------------------------------------------
FROM eclipse-temurin:17-jre
ENV TZ=Asia/Ho_Chi_Minh
# curl for the compose healthcheck, tzdata for TZ (both no-ops if the base image has them), psql for
# docker/camunda-schema.sh
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl tzdata postgresql-client \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system dondoc \
 && useradd --system --gid dondoc --home-dir /app --shell /usr/sbin/nologin dondoc
WORKDIR /app
COPY --from=build --chown=root:root /src/app/target/dondoc-app.jar /app/dondoc-app.jar
COPY --from=build --chown=root:root /src/camunda-sql /app/camunda-sql
COPY --chown=root:root docker/camunda-schema.sh /app/camunda-schema.sh
USER dondoc
EXPOSE 8080
# JVM options (heap size etc.) go in JAVA_TOOL_OPTIONS; app settings in the DONDOC_* variables.
ENTRYPOINT ["java", "-jar", "/app/dondoc-app.jar"]
