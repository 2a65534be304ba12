extension NotificationTemplate {
    /// The message in each language; `{number}`, `{deadline}` and `{date}` are filled in when it is queued.
    package var text: LocalizedText {
        switch self {
        case .registered:
            LocalizedText(
                kk: "Bilim: № {number} өтініш тіркелді. Нәтиже мерзімі: {deadline}.",
                ru: "Bilim: заявление № {number} зарегистрировано. Срок результата: {deadline}.",
                en: "Bilim: application No. {number} is registered. Result due by {deadline}.")
        case .inReview:
            LocalizedText(
                kk: "Bilim: № {number} өтінішті көрсетілетін қызметті беруші қарауға алды.",
                ru: "Bilim: заявление № {number} принято услугодателем на рассмотрение.",
                en: "Bilim: the provider is reviewing application No. {number}.")
        case .hearingNotice:
            LocalizedText(
                kk: "Bilim: № {number} өтініш бойынша бас тарту туралы алдын ала шешім. Тыңдау: {date}. Қарсылықты жеке кабинетте 2 жұмыс күні ішінде білдіруге болады.",
                ru: "Bilim: предварительное решение об отказе по заявлению № {number}. Заслушивание: {date}. Возражение можно подать в личном кабинете в течение 2 рабочих дней.",
                en: "Bilim: preliminary refusal on application No. {number}. Hearing: {date}. You may object in your cabinet within 2 working days.")
        case .resultReady:
            LocalizedText(
                kk: "Bilim: № {number} өтініш бойынша нәтиже дайын. Жеке басты куәландыратын құжатпен келіңіз.",
                ru: "Bilim: результат по заявлению № {number} готов. Возьмите документ, удостоверяющий личность.",
                en: "Bilim: the result of application No. {number} is ready. Bring an identity document.")
        case .refused:
            LocalizedText(
                kk: "Bilim: № {number} өтініш бойынша дәлелді бас тарту шығарылды. Оны жеке кабинетте көруге және шағымдануға болады.",
                ru: "Bilim: по заявлению № {number} вынесен мотивированный отказ. Его можно посмотреть и обжаловать в личном кабинете.",
                en: "Bilim: a motivated refusal was issued on application No. {number}. See it and appeal in your cabinet.")
        case .handedOver:
            LocalizedText(
                kk: "Bilim: № {number} өтініш бойынша нәтиже берілді.",
                ru: "Bilim: результат по заявлению № {number} выдан.",
                en: "Bilim: the result of application No. {number} was handed over.")
        case .deadlineChanged:
            LocalizedText(
                kk: "Bilim: жұмыс күнтізбесі өзгергендіктен № {number} өтініш бойынша нәтиже мерзімі {deadline} күнге ауысты.",
                ru: "Bilim: из-за изменения производственного календаря срок по заявлению № {number} перенесён на {deadline}.",
                en: "Bilim: the working calendar changed, so the result of application No. {number} is now due by {deadline}.")
        case .complaintRegistered:
            LocalizedText(
                kk: "Bilim: № {number} өтініш бойынша шағымыңыз тіркелді.",
                ru: "Bilim: ваша жалоба по заявлению № {number} зарегистрирована.",
                en: "Bilim: your complaint on application No. {number} is registered.")
        case .complaintAnswered:
            LocalizedText(
                kk: "Bilim: № {number} өтініш бойынша шағымға дәлелді жауап берілді. Оны жеке кабинетте көріңіз.",
                ru: "Bilim: на жалобу по заявлению № {number} дан мотивированный ответ. Смотрите его в личном кабинете.",
                en: "Bilim: your complaint on application No. {number} was answered. See the answer in your cabinet.")
        case .complaintUpheld:
            LocalizedText(
                kk: "Bilim: № {number} өтініш бойынша шағымыңыз қанағаттандырылды: шешімнің күші жойылды, іс қайта қаралады. Жаңа мерзім: {deadline}.",
                ru: "Bilim: ваша жалоба по заявлению № {number} удовлетворена: решение отменено, дело пересматривается. Новый срок: {deadline}.",
                en: "Bilim: your complaint on application No. {number} was upheld: the decision is revoked and the case is reopened. New deadline: {deadline}.")
        case .corrected:
            LocalizedText(
                kk: "Bilim: № {number} өтініш бойынша білім туралы құжаттағы мәліметтер түзетілді. Нәтиже жеке кабинетте.",
                ru: "Bilim: по заявлению № {number} сведения в документе об образовании исправлены. Результат в личном кабинете.",
                en: "Bilim: the information in your education document was corrected on application No. {number}. The result is in your cabinet.")
        case .returnedToProvider:
            LocalizedText(
                kk: "Bilim: № {number} өтініш бойынша нәтиже бір ай сақталып, көрсетілетін қызметті берушіге қайтарылды. Оны Мемлекеттік корпорация арқылы қайта сұратуға болады.",
                ru: "Bilim: результат по заявлению № {number} хранился месяц и возвращён услугодателю. Его можно снова запросить через Госкорпорацию.",
                en: "Bilim: the result of application No. {number} was kept one month and returned to the provider. You can ask for it again at the State Corporation.")
        }
    }
}
