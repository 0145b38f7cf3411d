# Container image of the intervention platform. Real builds use the default (last) stage:
#
#   docker build -t intervention .
#
# It compiles with the same command as the README (./mvnw -B -DskipTests package) in a JDK image and
# runs the jar on a JRE image. Both base images are build arguments so a site can use its own mirror
# or hardened images (scripts/verify-image.sh builds on a locally made Debian JRE, see docs/OPERATIONS.md).
ARG BUILD_BASE=eclipse-temurin:17-jdk
ARG BASE=eclipse-temurin:17-jre

# --- Build stage: Maven wrapper, dependencies first so a code change reuses the dependency layer.
FROM ${BUILD_BASE} AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
COPY processes/ processes/
COPY forms/ forms/
RUN ./mvnw -B -DskipTests package && cp target/interagency-intervention-*.jar /tmp/app.jar

# --- Runtime base: everything but the jar, shared by the two ways of getting the jar in.
FROM ${BASE} AS runtime-base
ARG UID=10001
# A fixed numeric uid/gid: volume permissions on the host and Kubernetes' runAsNonRoot can rely on it.
RUN groupadd --system --gid ${UID} intervention \
 && useradd --system --uid ${UID} --gid intervention --home-dir /opt/intervention --no-create-home \
      --shell /usr/sbin/nologin intervention \
 && mkdir -p /opt/intervention/data \
 && chown intervention:intervention /opt/intervention/data
WORKDIR /opt/intervention
# Models are part of the image: a model change is a new image, deployed like code. Mount other
# folders over these paths (or set the variables) to run a different model set.
COPY processes/ /opt/intervention/processes/
COPY forms/ /opt/intervention/forms/
ENV INTERVENTION_MODELS_PROCESSES_DIR=/opt/intervention/processes \
    INTERVENTION_MODELS_FORMS_DIR=/opt/intervention/forms \
    SPRING_PROFILES_ACTIVE=prod \
    PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# H2 file database (the default INTERVENTION_DB_URL, relative to the working directory). Unused with PostgreSQL.
VOLUME ["/opt/intervention/data"]
EXPOSE 8080
USER ${UID}:${UID}
# Root health: database, engine and job executor; a mail outage does not count (docs/OPERATIONS.md).
# start-period covers engine start and model deployment on a slow machine.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${PORT:-8080}/actuator/health" || exit 1
ENTRYPOINT ["java", "-jar", "/opt/intervention/app.jar"]

# --- Jar built on the host (./mvnw -B -DskipTests package first): used where the build stage's
#     base image cannot be pulled, e.g. scripts/verify-image.sh (`--target prebuilt`).
FROM runtime-base AS prebuilt
COPY target/interagency-intervention-*.jar /opt/intervention/app.jar

# --- Default: jar from the build stage.
FROM runtime-base AS runtime
COPY --from=build /tmp/app.jar /opt/intervention/app.jar
