import SQLKit

/// Rules that a SELECT before an INSERT cannot hold when requests run at once get an index behind them, and the
/// people lookups of sign-in get theirs:
/// - one open duplicate case (S1, S2) per service, applicant, provider and document (finished once handed over,
///   refused or returned to the provider): the same application sent four times at once registers one case;
/// - one open corrections case (S3) per document (finished once its term is completed: result ready, refused, handed
///   over, stored or returned);
/// - an applicant's user found by the person's IIN, not by reading every user.
/// One admission application per applicant and year and one program per its natural keys are already unique
/// (0018, 0020).
struct CreateUniquenessAndLookups: Migration {
    let id = "0024-create-uniqueness-and-lookups"

    func apply(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE UNIQUE INDEX cases_one_open_duplicate ON cases (service, applicant_iin, provider_id, COALESCE(document_id, ''))
                    WHERE service IN ('S1', 'S2') AND state NOT IN ('handed-over', 'refused', 'returned-to-provider')
                """,
                """
                CREATE UNIQUE INDEX cases_one_open_correction ON cases (document_id)
                    WHERE service = 'S3' AND state IN ('registered', 'sent-to-provider', 'in-review', 'preliminary-refusal', 'hearing')
                """,
                "CREATE INDEX users_person ON users (person_iin, role)",
            ], on: db)
    }

    func revert(on db: any SQLDatabase) async throws {
        try await run(["DROP INDEX users_person", "DROP INDEX cases_one_open_correction", "DROP INDEX cases_one_open_duplicate"], on: db)
    }
}
