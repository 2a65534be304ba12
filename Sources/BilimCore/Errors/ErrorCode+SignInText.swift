extension ErrorCode {
    /// The messages of signing in and confirming: one-time codes, EDS, challenges, the CSRF check and document
    /// verification. Only `template` calls this, for the codes it lists; any other code gets the internal error's text.
    var signInTemplate: LocalizedText {
        switch self {
        case .signInFailed:
            LocalizedText(
                kk: "Логин немесе құпиясөз қате.",
                ru: "Неверный логин или пароль.",
                en: "The login or password is wrong.")
        case .signInRequired:
            LocalizedText(
                kk: "Жүйеге кіріңіз.",
                ru: "Войдите в систему.",
                en: "Please sign in.")
        case .csrfInvalid:
            LocalizedText(
                kk: "Пішін ескірген. Бетті жаңартып, қайталап көріңіз.",
                ru: "Форма устарела. Обновите страницу и повторите.",
                en: "The form has expired. Reload the page and try again.")
        case .otpNoPhone:
            LocalizedText(
                kk: "Бұл ЖСН-ге порталда телефон нөмірі тіркелмеген: ЭЦҚ арқылы кіріңіз.",
                ru: "К этому ИИН на портале не привязан номер телефона: войдите с помощью ЭЦП.",
                en: "No phone number is registered on the portal for this IIN: sign in with an EDS.")
        case .otpTooSoon:
            LocalizedText(
                kk: "Код жаңа ғана жіберілді. Жаңа кодты {seconds} секундтан кейін сұрауға болады.",
                ru: "Код только что отправлен. Новый код можно запросить через {seconds} с.",
                en: "A code was just sent. You may ask for a new one in {seconds} seconds.")
        case .signInLocked:
            LocalizedText(
                kk: "Кіру әрекеттері тым көп. Қайта көру уақыты: {until} немесе әкімшіге хабарласыңыз.",
                ru: "Слишком много неудачных попыток входа. Повторить можно в {until} или обратитесь к администратору.",
                en: "Too many failed sign-ins. You may try again at {until}, or ask the administrator.")
        case .verifyTooMany:
            LocalizedText(
                kk: "Тексеру сұраулары тым көп. {seconds} секундтан кейін қайталаңыз.",
                ru: "Слишком много запросов проверки. Повторите через {seconds} с.",
                en: "Too many verification requests. Try again in {seconds} seconds.")
        case .challengeBusy:
            LocalizedText(
                kk: "Қазір кіру сұраулары тым көп. Бір минуттан кейін қайталаңыз.",
                ru: "Сейчас слишком много запросов на вход. Повторите через минуту.",
                en: "There are too many sign-in requests right now. Try again in a minute.")
        case .otpLocked:
            LocalizedText(
                kk: "Қате кодтар тым көп. Қайта көру уақыты: {until}.",
                ru: "Слишком много неверных кодов. Повторить можно в {until}.",
                en: "Too many wrong codes. You may try again at {until}.")
        case .otpWrong:
            LocalizedText(
                kk: "Код қате. Қалған әрекеттер: {left}.",
                ru: "Неверный код. Осталось попыток: {left}.",
                en: "The code is wrong. Attempts left: {left}.")
        case .otpExpired:
            LocalizedText(
                kk: "Кодтың мерзімі өтті немесе ол пайдаланылды: жаңа код сұраңыз.",
                ru: "Срок кода истёк или он уже использован: запросите новый.",
                en: "The code has expired or was already used: ask for a new one.")
        case .edsMalformedCertificate:
            LocalizedText(
                kk: "Сертификатты оқу мүмкін емес: PEM немесе DER пішіміндегі X.509 сертификатын жіберіңіз.",
                ru: "Не удалось прочитать сертификат: отправьте сертификат X.509 в формате PEM или DER.",
                en: "The certificate cannot be read: send an X.509 certificate in PEM or DER form.")
        case .edsUntrusted:
            LocalizedText(
                kk: "Сертификатты сенімді куәландырушы орталық бермеген.",
                ru: "Сертификат выдан не доверенным удостоверяющим центром.",
                en: "The certificate was not issued by a trusted certification authority.")
        case .edsExpired:
            LocalizedText(
                kk: "Сертификаттың мерзімі өтіп кеткен.",
                ru: "Срок действия сертификата истёк.",
                en: "The certificate has expired.")
        case .edsNotYetValid:
            LocalizedText(
                kk: "Сертификат әлі күшіне енбеген.",
                ru: "Сертификат ещё не вступил в силу.",
                en: "The certificate is not valid yet.")
        case .edsRevoked:
            LocalizedText(
                kk: "Сертификат кері қайтарылған (қайтарылған сертификаттар тізімінде).",
                ru: "Сертификат отозван (он в списке отозванных сертификатов).",
                en: "The certificate has been revoked (it is on the revocation list).")
        case .edsBadSignature:
            LocalizedText(
                kk: "Қолтаңба осы сертификатқа және осы мәтінге сәйкес келмейді.",
                ru: "Подпись не соответствует этому сертификату и этому тексту.",
                en: "The signature does not match this certificate and this text.")
        case .edsUnsupported:
            LocalizedText(
                kk: "Бұл кілт түріне қолдау көрсетілмейді: RSA немесе ECDSA P-256 қолданыңыз.",
                ru: "Этот тип ключа не поддерживается: используйте RSA или ECDSA P-256.",
                en: "This key type is not supported: use RSA or ECDSA P-256.")
        case .edsNoIIN:
            LocalizedText(
                kk: "Сертификатта иесінің ЖСН-і жоқ.",
                ru: "В сертификате нет ИИН владельца.",
                en: "The certificate does not carry its holder's IIN.")
        case .edsWrongPerson:
            LocalizedText(
                kk: "Сертификат басқа адамға берілген: оның ЖСН-і өтініш берушінің ЖСН-імен сәйкес келмейді.",
                ru: "Сертификат выдан другому лицу: его ИИН не совпадает с ИИН заявителя.",
                en: "The certificate belongs to someone else: its IIN is not the applicant's.")
        case .edsRevocationUnknown:
            LocalizedText(
                kk: "Куәландырушы орталықтың кері қайтарылған сертификаттар тізімі ескірген: қолтаңбаны қазір тексеру мүмкін емес. Кейінірек қайталаңыз.",
                ru: "Список отозванных сертификатов удостоверяющего центра устарел: подпись сейчас нельзя проверить. Повторите позже.",
                en: "The certification authority's revocation list is out of date: the signature cannot be checked now. Try again later.")
        case .edsKeyUsage:
            LocalizedText(
                kk: "Бұл сертификат бұл мақсатқа арналмаған: кіру үшін аутентификация (AUTH) кілтін, қол қою үшін қол қою (RSA/GOST) кілтін таңдаңыз.",
                ru: "Этот сертификат не предназначен для этой цели: для входа выберите ключ аутентификации (AUTH), для подписи — ключ подписи (RSA/GOST).",
                en: "This certificate is not meant for this: sign in with the authentication (AUTH) key, sign with the signing (RSA/GOST) key.")
        case .challengeInvalid:
            LocalizedText(
                kk: "Қол қойылатын мәтін белгісіз, мерзімі өткен немесе бұрын пайдаланылған: жаңасын алыңыз.",
                ru: "Текст для подписи неизвестен, устарел или уже использован: получите новый.",
                en: "The text to sign is unknown, expired or already used: get a new one.")
        case .confirmationRequired:
            LocalizedText(
                kk: "Өтінішті бір реттік кодпен немесе ЭЦҚ-мен растаңыз.",
                ru: "Подтвердите заявление одноразовым кодом или ЭЦП.",
                en: "Confirm the application with a one-time code or an EDS signature.")
        case .confirmationContentChanged:
            LocalizedText(
                kk: "Өтініш расталғаннан кейін өзгерді: оны қайта растаңыз.",
                ru: "Заявление изменилось после подтверждения: подтвердите его заново.",
                en: "The application changed after it was confirmed: confirm it again.")
        case .verifyMalformed:
            LocalizedText(
                kk: "Бұл Bilim қол қойған құжат емес: мәтін пішімі танылмады.",
                ru: "Это не документ, подписанный Bilim: формат текста не распознан.",
                en: "This is not a document signed by Bilim: the text's form is not recognised.")
        case .verifyTampered:
            LocalizedText(
                kk: "Қолтаңба сәйкес келмейді: құжат өзгертілген немесе оған Bilim қол қоймаған.",
                ru: "Подпись не сходится: документ изменён или подписан не Bilim.",
                en: "The signature does not match: the document was changed or was not signed by Bilim.")
        case .verifyNotFound:
            LocalizedText(
                kk: "Мұндай нөмірмен құжат берілмеген.",
                ru: "Документ с таким номером не выдавался.",
                en: "No document was issued with this number.")
        default:
            ErrorCode.internalError.template
        }
    }
}
