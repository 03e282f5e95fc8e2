#!/usr/bin/env bash
# One database per service, each owned by a role of that service's own, and nobody else may connect to it: a
# service cannot read another's tables (membership's personal-data keys above all). The postgres image runs this
# as the superuser when it initialises an empty data directory; the passwords come from the postgres container's
# environment (docker-compose.yml), and each service knows only its own.
set -euo pipefail

database() { # database role password
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v database="$1" -v role="$2" -v password="$3" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password' NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE DATABASE :"database" OWNER :"role";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
}

database tcy_membership tcy_membership "$TCY_MEMBERSHIP_DB_PASSWORD"
database tcy_meetings tcy_meetings "$TCY_MEETINGS_DB_PASSWORD"
database tcy_assessments tcy_assessments "$TCY_ASSESSMENTS_DB_PASSWORD"
database tcy_cloud_evidence tcy_cloud_evidence "$TCY_CLOUD_EVIDENCE_DB_PASSWORD"
database tcy_projection tcy_projection "$TCY_PROJECTION_DB_PASSWORD"
