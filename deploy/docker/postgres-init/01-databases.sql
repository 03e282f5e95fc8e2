-- One database per service, created when the PostgreSQL container initialises its data directory.
CREATE DATABASE tcy_membership;
CREATE DATABASE tcy_meetings;
CREATE DATABASE tcy_assessments;
CREATE DATABASE tcy_cloud_evidence;
CREATE DATABASE tcy_projection;
