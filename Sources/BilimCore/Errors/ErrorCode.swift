/// The catalog of stable error codes with their texts in Kazakh, Russian and English.
/// `{name}` in a template is replaced by the error's argument of that name.
package enum ErrorCode: String, CaseIterable, Sendable, Codable {
    case iinFormat = "iin.format"
    case iinCentury = "iin.century"
    case iinBirthDate = "iin.birthDate"
    case iinFutureBirthDate = "iin.futureBirthDate"
    case iinChecksum = "iin.checksum"
    case binFormat = "bin.format"
    case binChecksum = "bin.checksum"
    case dateMalformed = "date.malformed"
    case languageUnknown = "language.unknown"
    case nameInvalid = "name.invalid"
    case representativeRequired = "representative.required"
    case calendarNotCovered = "calendar.notCovered"
    case calendarInvalid = "calendar.invalid"
    case termInvalid = "term.invalid"
    case passportInvalid = "passport.invalid"
    case serviceNotFound = "service.notFound"
    case pageNotFound = "page.notFound"
    case signInFailed = "signIn.failed"
    case signInRequired = "signIn.required"
    case forbidden = "access.forbidden"
    case csrfInvalid = "csrf.invalid"
    case fieldRequired = "field.required"
    case requestInvalid = "request.invalid"
    case requestTooLarge = "request.tooLarge"
    case databaseUnavailable = "database.unavailable"
    case transitionNotAllowed = "case.transitionNotAllowed"
    case roleNotAllowed = "case.roleNotAllowed"
    case hearingNoticeTooLate = "case.hearingNoticeTooLate"
    case hearingTooLate = "case.hearingTooLate"
    case refusalGroundUnknown = "case.refusalGroundUnknown"
    case refusalGroundsRequired = "case.refusalGroundsRequired"
    case objectionPeriodOver = "case.objectionPeriodOver"
    case storageNotOver = "case.storageNotOver"
    case caseNotFound = "case.notFound"
    case applicationDuplicate = "application.duplicate"
    case consentMissing = "consent.missing"
    case channelNotOffered = "application.channelNotOffered"
    case providerUnknown = "application.providerUnknown"
    case documentNotHolders = "application.documentNotHolders"
    case concurrentChange = "case.concurrentChange"
    case originalNotInRegistry = "case.originalNotInRegistry"
    case blankStockEmpty = "blankStock.empty"
    case courierNothingToSend = "courier.nothingToSend"
    case complaintForwardOverdue = "complaint.forwardOverdue"
    case complaintAnswerRequired = "complaint.answerRequired"
    case complaintTextRequired = "complaint.textRequired"
    case complaintNotFound = "complaint.notFound"
    case decisionNotFound = "decision.notFound"
    case fileTypeNotAllowed = "file.typeNotAllowed"
    case fileNotWhatItSays = "file.notWhatItSays"
    case fileTooLarge = "file.tooLarge"
    case fileEmpty = "file.empty"
    case identityNotFound = "identity.notFound"
    case handOverProofRequired = "case.handOverProofRequired"
    case hearingNotYet = "case.hearingNotYet"
    case otpNoPhone = "otp.noPhone"
    case otpTooSoon = "otp.tooSoon"
    case otpLocked = "otp.locked"
    case otpWrong = "otp.wrong"
    case otpExpired = "otp.expired"
    case correctionRequired = "correction.required"
    case correctionFieldUnknown = "correction.fieldUnknown"
    case correctionFieldRepeated = "correction.fieldRepeated"
    case correctionExplanationRequired = "correction.explanationRequired"
    case correctionValueInvalid = "correction.valueInvalid"
    case correctionNothingToChange = "correction.nothingToChange"
    case correctionCopyRequired = "correction.copyRequired"
    case edsMalformedCertificate = "eds.malformedCertificate"
    case edsUntrusted = "eds.untrusted"
    case edsExpired = "eds.expired"
    case edsNotYetValid = "eds.notYetValid"
    case edsRevoked = "eds.revoked"
    case edsBadSignature = "eds.badSignature"
    case edsUnsupported = "eds.unsupported"
    case edsNoIIN = "eds.noIIN"
    case edsWrongPerson = "eds.wrongPerson"
    case challengeInvalid = "challenge.invalid"
    case confirmationRequired = "confirmation.required"
    case confirmationContentChanged = "confirmation.contentChanged"
    case verifyMalformed = "verify.malformed"
    case verifyTampered = "verify.tampered"
    case verifyNotFound = "verify.notFound"
    case internalError = "internal"

    package var category: ErrorCategory {
        switch self {
        case .serviceNotFound, .pageNotFound, .caseNotFound, .complaintNotFound, .decisionNotFound, .identityNotFound,
            .verifyNotFound:
            .notFound
        case .applicationDuplicate, .concurrentChange, .blankStockEmpty: .conflict
        case .signInFailed, .signInRequired, .edsMalformedCertificate, .edsUntrusted, .edsExpired, .edsNotYetValid,
            .edsRevoked, .edsBadSignature, .edsUnsupported, .edsNoIIN, .edsWrongPerson, .challengeInvalid: .unauthorized
        case .forbidden, .csrfInvalid, .roleNotAllowed: .forbidden
        case .otpTooSoon, .otpLocked: .tooMany
        case .transitionNotAllowed: .conflict
        case .requestTooLarge, .fileTooLarge: .tooLarge
        case .databaseUnavailable, .internalError: .unavailable
        default: .validation
        }
    }
}
