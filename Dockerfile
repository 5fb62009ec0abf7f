# Production image: Trede on PostgreSQL, JVM fast-jar layers, non-root.
#   docker build -t trede .
#   docker run -p 8080:8080 \
#     -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db:5432/trede \
#     -e QUARKUS_DATASOURCE_USERNAME=trede -e QUARKUS_DATASOURCE_PASSWORD=... \
#     -e TREDE_CLIENT_REFERENCE_KEY=... \
#     -e QUARKUS_OIDC_AUTH_SERVER_URL=https://login.gemeente.nl/realms/sociaal-domein \
#     -e QUARKUS_OIDC_CLIENT_ID=trede trede

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY openapi openapi
COPY models models
# The database kind is fixed at build time in Quarkus: the image is built for PostgreSQL.
RUN ./mvnw -B -q package -DskipTests -Dquarkus.datasource.db-kind=postgresql

FROM eclipse-temurin:17-jre
ENV LANGUAGE='en_US:en' \
    QUARKUS_PROFILE=production \
    JAVA_OPTS_APPEND="-Dquarkus.http.host=0.0.0.0" \
    TREDE_MODELS_DIRECTORY=/deployments/models
RUN useradd --system --uid 185 --home-dir /deployments trede
WORKDIR /deployments
# Layers from least to most often changed, so rebuilds reuse the dependency layer.
COPY --from=build --chown=185 /src/target/quarkus-app/lib/ lib/
COPY --from=build --chown=185 /src/target/quarkus-app/*.jar ./
COPY --from=build --chown=185 /src/target/quarkus-app/app/ app/
COPY --from=build --chown=185 /src/target/quarkus-app/quarkus/ quarkus/
COPY --from=build --chown=185 /src/models/ models/
USER 185
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD ["sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 || exit 1"]
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS_APPEND -jar /deployments/quarkus-run.jar"]
