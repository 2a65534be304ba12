import BilimCore
import BilimServices
import BilimStore
import Foundation
import HTTPTypes
import Hummingbird

/// The education department's admission pages: the region's programs, loaded from a file with a progress bar.
struct AdmissionPagesController {
    let dependencies: ServiceDependencies
    let renderer: Renderer

    func add(to router: Router<BilimRequestContext>) {
        router.behind(.department, dependencies)
            .get("/admission/programs", use: programs)
            .post("/admission/programs", use: upload)
            .post("/admission/programs/subjects", use: correctSubjects)
    }

    struct ProgramLine {
        let code: String
        let organization: String
        let specialty: String
        let qualification: String
        let base: String
        let form: String
        let seats: Int
        let minGroupSize: Int
        let reserves: String
    }

    struct SpecialtyLine {
        let specialty: String
        let subjects: String
        let source: String
    }

    struct LineError {
        let line: Int
        let message: String
    }

    struct Page {
        let page: PageChrome
        let heading: String
        let year: Int
        let programs: [ProgramLine]
        let hasPrograms: Bool
        let columns: String
        let loaded: String?
        let errors: [FieldError]
        let hasErrors: Bool
        let lineErrors: [LineError]
        let hasLineErrors: Bool
        let refusal: String
        /// The region's subjects by specialty (003 §54), with the form to correct one.
        let specialties: [SpecialtyLine]
        let subjectsNotice: String?
        let subjectsError: String?
        let correction: [String: String]
    }


    @Sendable func programs(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let loaded = request.uri.queryParameters["loaded"].flatMap { Int($0) }
        let corrected = request.uri.queryParameters["corrected"].flatMap { Int($0) }
        return try await page(actor, context: context, loaded: loaded, corrected: corrected)
    }

    func page(
        _ actor: Actor, context: BilimRequestContext, loaded: Int? = nil, refused: ProgramImportRefused? = nil, error: String? = nil,
        corrected: Int? = nil, subjectsError: String? = nil, correction: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let lang = context.language
        let t = renderer.text
        let repo = AdmissionRepository(db: dependencies.database.sql)
        let ref = ReferenceRepository(db: dependencies.database.sql)
        let year = ProgramCatalog(dependencies).year
        var lines: [ProgramLine] = []
        var names: [String: String] = [:]
        for p in try await repo.programs(year: year, region: actor.regionCode ?? "") {
            if names[p.organizationId] == nil { names[p.organizationId] = try await ref.organization(id: p.organizationId)?.name[lang] ?? p.organizationId }
            let reserves = try await repo.quotas(programId: p.id).map { "\(t("quota_\($0.code)", lang)): \($0.seats)" }.joined(separator: "; ")
            lines.append(
                ProgramLine(
                    code: p.code, organization: names[p.organizationId] ?? "", specialty: p.specialty, qualification: p.qualification,
                    base: t("base_\(p.base)", lang), form: t("form_\(p.studyForm)", lang), seats: p.seats, minGroupSize: p.minGroupSize,
                    reserves: reserves.isEmpty ? "—" : reserves))
        }
        let lineErrors = refused?.errors.map { LineError(line: $0.line, message: $0.error.message(in: lang)) } ?? []
        let refusal = refused.map {
            DomainError(.importRefused, ["count": String(Set($0.errors.map(\.line)).count)]).message(in: lang)
        } ?? ""
        var errors: [FieldError] = []
        if let error { errors.append(FieldError(field: "file", message: error)) }
        if refused != nil { errors.append(FieldError(field: "file", message: refusal)) }
        if let subjectsError { errors.append(FieldError(field: "subjects", message: subjectsError)) }
        let specialties = try await SpecialtyCatalog(dependencies).list(by: actor).map { e in
            SpecialtyLine(
                specialty: e.specialty,
                subjects: e.subjects.map {
                    $0 == SpecialtySubjects.instructionLanguage ? t("admission_subjects_instruction", lang) : CorrectionPagesController.subjectName($0, text: t, lang: lang)
                }.joined(separator: ", "),
                source: e.source.hasPrefix("shipped") ? t("admission_subjects_shipped", lang) : e.source == "department" ? t("admission_subjects_corrected_source", lang) : e.source)
        }
        let heading = t("admission_programs_title", lang).replacing("{year}", with: String(year))
        return renderer.html(
            "admission-programs",
            Page(
                page: PageChrome(title: heading, context: context, text: t, path: "/admission/programs"), heading: heading, year: year,
                programs: lines, hasPrograms: !lines.isEmpty, columns: ProgramImportCheck.columns.joined(separator: ","),
                loaded: loaded.map { t("admission_programs_loaded", lang).replacing("{count}", with: String($0)) }, errors: errors,
                hasErrors: !errors.isEmpty, lineErrors: lineErrors, hasLineErrors: !lineErrors.isEmpty, refusal: refusal,
                specialties: specialties, subjectsNotice: corrected.map { t("admission_subjects_done", lang).replacing("{count}", with: String($0)) },
                subjectsError: subjectsError, correction: correction),
            status: status)
    }

    /// Without scripts the form posts the file here; with them, the page sends it to the API and follows the progress.
    @Sendable func upload(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let form = try await Multipart.form(request: request, context: context)
        guard let file = form.files["file"], !file.bytes.isEmpty else {
            return try await page(actor, context: context, error: DomainError(.importEmpty).message(in: context.language), status: .unprocessableContent)
        }
        guard let text = String(validating: file.bytes, as: UTF8.self) else {
            return try await page(
                actor, context: context, error: DomainError(.requestInvalid, ["field": "file (UTF-8)"]).message(in: context.language),
                status: .unprocessableContent)
        }
        do {
            let outcome = try await ProgramCatalog(dependencies).load(csv: text, filename: file.filename, by: actor)
            return .redirect(to: "/admission/programs?loaded=\(outcome.programs)", type: .normal)
        } catch let refused as ProgramImportRefused {
            return try await page(actor, context: context, refused: refused, status: .unprocessableContent)
        }
    }

    /// A specialty's subjects corrected by the department, with the reason (003 §54); the year's programs follow.
    @Sendable func correctSubjects(_ request: Request, context: BilimRequestContext) async throws -> Response {
        let actor = try context.signedIn
        let f = try await Forms.fields(request: request, context: context)
        let correction = SpecialtyCorrection(
            specialty: f["specialty"] ?? "", subjects: (f["subjects"] ?? "").split(separator: ";").map { String($0).trimmingSpaces },
            reason: f["reason"] ?? "")
        do {
            let n = try await SpecialtyCatalog(dependencies).correct(correction, by: actor)
            return .redirect(to: "/admission/programs?corrected=\(n)", type: .normal)
        } catch let error as DomainError where error.code.category == .validation {
            return try await page(
                actor, context: context, subjectsError: error.message(in: context.language), correction: f, status: .unprocessableContent)
        }
    }
}
