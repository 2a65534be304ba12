/// The one ordered list of migrations. Append only.
package enum Migrations {
    package static let all: [any Migration] = [
        CreateReferenceTables(),
        CreateUsers(),
        CreateEducationDocuments(),
        CreateCases(),
        CreateCaseEvents(),
        CreateDocumentCorrections(),
        CreateNotificationOutbox(),
        CreateCalendarYears(),
        CreateSessions(),
        CreateCaseWorkflow(),
        CreateCourierRegistries(),
        CreateComplaints(),
        CreateDigitalDocumentsStandIn(),
        CreateCaseAttachments(),
        CreateOTPChallenges(),
        CreateCorrectionRequests(),
        CreateSigning(),
        CreateAdmissionPrograms(),
        CreateAdmissionRuns(),
        CreateAdmissionApplications(),
        CreateAdmissionOutcomes(),
        CreateDeskAdmission(),
        CreateAdmissionConfirmations(),
        CreateUniquenessAndLookups(),
    ]
}
