-- What meetings knows of the Cloud Evidence Group's consultations, to refuse an endorsement without recommendations.
CREATE TABLE replica_consultation (
    consultation_id         VARCHAR(64) PRIMARY KEY,
    recommendations_issued  BOOLEAN     NOT NULL DEFAULT false
);
