/// The messages an admission applicant receives, by SMS and in the personal cabinet (003 §12) (003 §64).
package enum AdmissionMessage: String, Sendable, CaseIterable {
    case admitted = "admission-admitted"
    case notAdmitted = "admission-not-admitted"
    case contractExpired = "admission-contract-expired"
    case contractSigned = "admission-contract-signed"
    case supportDecided = "admission-support-decided"

    package var text: LocalizedText {
        switch self {
        case .admitted:
            LocalizedText(
                kk: "Конкурс нәтижесі: сіз «{program}» бағдарламасына ({choice}-таңдау) қабылдандыңыз. Білім беру қызметтерін көрсету шартына жеке кабинетте {due} дейін қол қойыңыз.",
                ru: "Результат конкурса: вы прошли на программу «{program}» ({choice}-й выбор). Подпишите договор об оказании образовательных услуг в личном кабинете до {due} включительно.",
                en: "Competition result: you are admitted to “{program}” (choice {choice}). Sign the education services contract in your personal cabinet by {due}.")
        case .notAdmitted:
            LocalizedText(
                kk: "Конкурс нәтижесі: сіз таңдаған бағдарламалардың ешқайсысына өтпедіңіз. Бос орындар {deadline} дейін қайта бөлінеді.",
                ru: "Результат конкурса: вы не прошли ни на одну из выбранных программ. Свободные места перераспределяются до {deadline}.",
                en: "Competition result: you were not admitted to any of your choices. Free places are redistributed by {deadline}.")
        case .contractExpired:
            LocalizedText(
                kk: "«{program}» бағдарламасы бойынша шартқа {due} дейін қол қойылмады; орын қайта бөлуге берілді.",
                ru: "Договор по программе «{program}» не подписан до {due}; место передано на перераспределение.",
                en: "The contract for “{program}” was not signed by {due}; the place went to redistribution.")
        case .contractSigned:
            LocalizedText(
                kk: "«{program}» бағдарламасы бойынша білім беру қызметтерін көрсету шартына {signed} қол қойылды ({method}).",
                ru: "Договор об оказании образовательных услуг по программе «{program}» подписан {signed} ({method}).",
                en: "The education services contract for “{program}” was signed on {signed} ({method}).")
        case .supportDecided:
            LocalizedText(
                kk: "Жатақхана: {dormitory}. Тегін тамақ: {meals}.",
                ru: "Общежитие: {dormitory}. Бесплатное питание: {meals}.",
                en: "Dormitory: {dormitory}. Free meals: {meals}.")
        }
    }

    /// How a dormitory or meals request stands, in words.
    package static func supportState(_ state: String?) -> LocalizedText {
        switch state {
        case "granted": LocalizedText(kk: "берілді", ru: "предоставлено", en: "granted")
        case "refused": LocalizedText(kk: "берілмеді", ru: "отказано", en: "refused")
        case "requested": LocalizedText(kk: "қаралуда", ru: "на рассмотрении", en: "under review")
        default: LocalizedText(kk: "сұралмаған", ru: "не запрашивалось", en: "not asked for")
        }
    }
}
