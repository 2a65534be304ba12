/// The electronic contract on the provision of educational services that an admitted applicant signs within 3
/// calendar days of the result (003 §12). The model form of the contract is not among the seeds; this text names the
/// parties, the subject (the program the competition gave), the state order, the term to sign and the way it is
/// signed, which is what the applicant must be able to read before confirming it. The exact text the applicant
/// read is what the one-time code or the EDS confirms (its SHA-256 is part of the confirmed content).
package struct EducationContract: Sendable, Equatable {
    package var applicationId: String
    package var applicantName: String
    package var applicantIIN: String
    package var college: String
    package var programCode: String
    package var specialty: String
    package var qualification: String
    package var studyForm: String
    package var instructionLanguage: String
    package var year: Int
    package var publishedOn: CivilDate
    package var due: CivilDate

    package init(
        applicationId: String, applicantName: String, applicantIIN: String, college: String, programCode: String, specialty: String,
        qualification: String, studyForm: String, instructionLanguage: String, year: Int, publishedOn: CivilDate, due: CivilDate
    ) {
        self.applicationId = applicationId
        self.applicantName = applicantName
        self.applicantIIN = applicantIIN
        self.college = college
        self.programCode = programCode
        self.specialty = specialty
        self.qualification = qualification
        self.studyForm = studyForm
        self.instructionLanguage = instructionLanguage
        self.year = year
        self.publishedOn = publishedOn
        self.due = due
    }

    /// The contract's text in the language it is read and signed in.
    package func text(in language: Language) -> String {
        let form = Self.studyForms[studyForm]?[language] ?? studyForm
        let instructionLanguage = Self.languages[self.instructionLanguage]?[language] ?? self.instructionLanguage
        let lines: [String]
        switch language {
        case .kk:
            lines = [
                "Білім беру қызметтерін көрсету туралы шарт (өтініш № \(applicationId))",
                "1. Тараптар: «\(college)» білім беру ұйымы (бұдан әрі – Колледж) және \(applicantName), ЖСН \(applicantIIN) (бұдан әрі – Білім алушы).",
                "2. Шарттың мәні: Колледж Білім алушыны \(year) жылғы конкурс нәтижесі бойынша (\(publishedOn.dotted) жарияланды) «\(programCode) — \(specialty), \(qualification)» білім беру бағдарламасына, оқу нысаны: \(form), оқыту тілі: \(instructionLanguage), мемлекеттік білім беру тапсырысы бойынша оқуға қабылдайды.",
                "3. Колледж білім беру бағдарламасы бойынша оқытуды ұйымдастырады; Білім алушы оқу тәртібін сақтайды.",
                "4. Шартқа нәтиже белгілі болғаннан кейін 3 күнтізбелік күн ішінде, \(due.dotted) қоса алғанда, электрондық түрде қол қойылады; мерзімде қол қойылмаса, орын қайта бөлуге беріледі.",
                "5. Шартқа бір реттік кодпен немесе ЭЦҚ-мен қол қойылады; қол қойылғаны туралы SMS хабарлама жіберіледі.",
            ]
        case .ru:
            lines = [
                "Договор об оказании образовательных услуг (заявление № \(applicationId))",
                "1. Стороны: организация образования «\(college)» (далее – Колледж) и \(applicantName), ИИН \(applicantIIN) (далее – Обучающийся).",
                "2. Предмет договора: по результатам конкурса \(year) года (опубликованы \(publishedOn.dotted)) Колледж принимает Обучающегося на обучение по образовательной программе «\(programCode) — \(specialty), \(qualification)», форма обучения: \(form), язык обучения: \(instructionLanguage), по государственному образовательному заказу.",
                "3. Колледж организует обучение по образовательной программе; Обучающийся соблюдает учебный распорядок.",
                "4. Договор подписывается в электронной форме в течение 3 календарных дней после того, как стали известны результаты, по \(due.dotted) включительно; если он не подписан в срок, место передаётся на перераспределение.",
                "5. Договор подписывается одноразовым кодом или ЭЦП; о подписании направляется SMS-уведомление.",
            ]
        case .en:
            lines = [
                "Contract on the provision of educational services (application no. \(applicationId))",
                "1. Parties: the educational organization “\(college)” (the College) and \(applicantName), IIN \(applicantIIN) (the Student).",
                "2. Subject: on the results of the \(year) competition (published \(publishedOn.dotted)) the College admits the Student to the educational program “\(programCode) — \(specialty), \(qualification)”, form of study: \(form), language of instruction: \(instructionLanguage), under the state educational order.",
                "3. The College organizes the training under the program; the Student keeps to the study rules.",
                "4. The contract is signed electronically within 3 calendar days after the results are known, by \(due.dotted) inclusive; if it is not signed in time, the place goes to redistribution.",
                "5. The contract is signed with a one-time code or an EDS; an SMS notification about the signing is sent.",
            ]
        }
        return lines.joined(separator: "\n")
    }

    static let languages: [String: LocalizedText] = [
        "kk": LocalizedText(kk: "қазақ тілі", ru: "казахский", en: "Kazakh"),
        "ru": LocalizedText(kk: "орыс тілі", ru: "русский", en: "Russian"),
        "en": LocalizedText(kk: "ағылшын тілі", ru: "английский", en: "English"),
    ]

    static let studyForms: [String: LocalizedText] = [
        "full-time": LocalizedText(kk: "күндізгі", ru: "очная", en: "full-time"),
        "evening": LocalizedText(kk: "кешкі", ru: "вечерняя", en: "evening"),
        "extramural": LocalizedText(kk: "сырттай", ru: "заочная", en: "extramural"),
    ]
}
