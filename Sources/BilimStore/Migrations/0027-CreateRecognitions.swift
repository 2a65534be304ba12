import SQLKit

/// A foreign education document's recognition is a decision of the college's admission commission (003 §62): the
/// person, the base the document gives and the grades of the subjects the commission set. The desk takes an
/// application with the grades of such a decision only, once; `foreign_education_documents` names the decision.
struct CreateRecognitions: Migration {
    let id = "0027-create-recognitions"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE commission_recognitions (
                    decision_id TEXT PRIMARY KEY,
                    organization_id TEXT NOT NULL,
                    applicant_iin TEXT NOT NULL,
                    base TEXT NOT NULL,
                    grades TEXT NOT NULL,
                    used_by TEXT,
                    created_at TEXT NOT NULL)
                """,
                "CREATE INDEX commission_recognitions_open ON commission_recognitions (organization_id, used_by)",
                "ALTER TABLE foreign_education_documents ADD COLUMN decision_id TEXT",
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(
            ["ALTER TABLE foreign_education_documents DROP COLUMN decision_id", "DROP TABLE commission_recognitions"], on: db)
    }
}
