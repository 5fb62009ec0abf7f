# Sourced by the benchmarks that run the service on PostgreSQL (after `cd` to the project root and
# with DB set): the PostgreSQL build of the service in $APP, rebuilt when a source is newer, a psql
# command line in PSQL, and a fresh, empty database $DB.
APP="$(pwd)/target/quarkus-app-postgresql"
PSQL=(psql -h 127.0.0.1 -U postgres -qAt -v ON_ERROR_STOP=1)
if [ ! -f "$APP/quarkus-run.jar" ] || [ -n "$(find src pom.xml -newer "$APP/quarkus-run.jar" -print -quit)" ]; then
  # The database kind is fixed at build time; keep this build apart from the embedded one.
  ./mvnw -B -q package -DskipTests -Dquarkus.datasource.db-kind=postgresql
  # Moved, not copied: target/quarkus-app must not be left holding a PostgreSQL-only build.
  rm -rf "$APP" && mv target/quarkus-app "$APP"
fi
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
