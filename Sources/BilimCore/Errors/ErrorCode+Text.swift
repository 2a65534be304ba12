extension ErrorCode {
    /// The message in Kazakh, Russian and English; `{name}` is replaced by the error's argument of that name.
    package var template: LocalizedText {
        switch self {
        case .iinFormat:
            LocalizedText(
                kk: "ЖСН 12 цифрдан (0–9) тұруы керек.",
                ru: "ИИН должен состоять из 12 цифр (0–9).",
                en: "The IIN must be 12 digits (0-9).")
        case .iinCentury:
            LocalizedText(
                kk: "ЖСН-нің 7-цифры (ғасыр мен жыныс) 1-ден 6-ға дейін болуы керек.",
                ru: "7-я цифра ИИН (век и пол) должна быть от 1 до 6.",
                en: "The 7th digit of the IIN (century and sex) must be 1 to 6.")
        case .iinBirthDate:
            LocalizedText(
                kk: "ЖСН-дегі туған күн ({value}) нақты күн емес.",
                ru: "Дата рождения в ИИН ({value}) не существует.",
                en: "The birth date in the IIN ({value}) is not a real date.")
        case .iinFutureBirthDate:
            LocalizedText(
                kk: "ЖСН-дегі туған күн ({value}) әлі келген жоқ.",
                ru: "Дата рождения в ИИН ({value}) ещё не наступила.",
                en: "The birth date in the IIN ({value}) is in the future.")
        case .iinChecksum:
            LocalizedText(
                kk: "ЖСН-нің бақылау цифры сәйкес келмейді: нөмірді тексеріңіз.",
                ru: "Контрольная цифра ИИН не совпадает: проверьте номер.",
                en: "The IIN check digit does not match: check the number.")
        case .binFormat:
            LocalizedText(
                kk: "БСН 12 цифрдан тұруы керек: тіркелген жылы мен айы, заңды тұлға түрі, белгісі, нөмірі.",
                ru: "БИН должен состоять из 12 цифр: год и месяц регистрации, тип лица, признак, номер.",
                en: "The BIN must be 12 digits: registration year and month, entity type, attribute, serial.")
        case .binChecksum:
            LocalizedText(
                kk: "БСН-нің бақылау цифры сәйкес келмейді.",
                ru: "Контрольная цифра БИН не совпадает.",
                en: "The BIN check digit does not match.")
        case .dateOutOfRange:
            LocalizedText(
                kk: "«{field}» күні ({value}) рұқсат етілген аралықтан тыс: {range}.",
                ru: "Дата «{field}» ({value}) вне допустимого диапазона: {range}.",
                en: "The date '{field}' ({value}) is outside the allowed range: {range}.")
        case .numberOutOfRange:
            LocalizedText(
                kk: "«{field}» мәні рұқсат етілген аралықтан тыс: {range}.",
                ru: "Значение «{field}» вне допустимого диапазона: {range}.",
                en: "The value of '{field}' is outside the allowed range: {range}.")
        case .dateMalformed:
            LocalizedText(
                kk: "«{value}» — күн емес. Пішімі: ЖЖЖЖ-АА-КК.",
                ru: "«{value}» — не дата. Формат: ГГГГ-ММ-ДД.",
                en: "'{value}' is not a date. Use YYYY-MM-DD.")
        case .languageUnknown:
            LocalizedText(
                kk: "«{value}» тілі жоқ. Қолжетімді тілдер: kk, ru, en.",
                ru: "Язык «{value}» не поддерживается. Доступны: kk, ru, en.",
                en: "Language '{value}' is not supported. Use kk, ru or en.")
        case .nameInvalid:
            LocalizedText(
                kk: "Аты-жөні тек әріптерден, дефис пен бос орыннан тұруы керек (ең көбі 100 таңба).",
                ru: "ФИО может содержать только буквы, дефис и пробел (не более 100 символов).",
                en: "A name may contain only letters, hyphens and spaces (at most 100 characters).")
        case .representativeRequired:
            LocalizedText(
                kk: "Кәмелетке толмаған адамның атынан ата-анасы немесе заңды өкілі өтініш береді.",
                ru: "За несовершеннолетнего заявление подаёт родитель или законный представитель.",
                en: "An application for a minor is made by a parent or legal representative.")
        case .calendarNotCovered:
            LocalizedText(
                kk: "{year} жылдың жұмыс күнтізбесі жүктелмеген.",
                ru: "Производственный календарь на {year} год не загружен.",
                en: "The working calendar for {year} is not loaded.")
        case .calendarInvalid:
            LocalizedText(
                kk: "Күнтізбе деректері қате: {detail}",
                ru: "Ошибка в данных календаря: {detail}",
                en: "The calendar data is wrong: {detail}")
        case .termInvalid:
            LocalizedText(
                kk: "Мерзім кемінде 1 күн болуы керек.",
                ru: "Срок должен быть не менее 1 дня.",
                en: "A term must be at least 1 day.")
        case .passportInvalid:
            LocalizedText(
                kk: "Қызмет паспорты қате: {detail}",
                ru: "Ошибка в паспорте услуги: {detail}",
                en: "The service passport is wrong: {detail}")
        case .serviceNotFound:
            LocalizedText(
                kk: "«{value}» қызметі табылмады.",
                ru: "Услуга «{value}» не найдена.",
                en: "Service '{value}' was not found.")
        case .pageNotFound:
            LocalizedText(
                kk: "Мұндай бет жоқ.",
                ru: "Такой страницы нет.",
                en: "There is no such page.")
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
        case .forbidden:
            LocalizedText(
                kk: "Бұл әрекетке құқығыңыз жоқ.",
                ru: "У вас нет права на это действие.",
                en: "You are not allowed to do this.")
        case .csrfInvalid:
            LocalizedText(
                kk: "Пішін ескірген. Бетті жаңартып, қайталап көріңіз.",
                ru: "Форма устарела. Обновите страницу и повторите.",
                en: "The form has expired. Reload the page and try again.")
        case .fieldRequired:
            LocalizedText(
                kk: "Бұл өрісті толтырыңыз.",
                ru: "Заполните это поле.",
                en: "Fill in this field.")
        case .requestInvalid:
            LocalizedText(
                kk: "Сұрау дұрыс емес: «{field}» тексеріңіз.",
                ru: "Неверный запрос: проверьте «{field}».",
                en: "The request is not valid: check '{field}'.")
        case .requestTooLarge:
            LocalizedText(
                kk: "Жіберілген деректер тым үлкен.",
                ru: "Отправленные данные слишком велики.",
                en: "The data sent is too large.")
        case .transitionNotAllowed:
            LocalizedText(
                kk: "Іс «{state}» күйінде: «{action}» әрекеті қазір мүмкін емес.",
                ru: "Дело в состоянии «{state}»: действие «{action}» сейчас невозможно.",
                en: "The case is '{state}': '{action}' is not possible now.")
        case .roleNotAllowed:
            LocalizedText(
                kk: "«{action}» әрекетін сіздің рөліңіз орындай алмайды.",
                ru: "Действие «{action}» недоступно для вашей роли.",
                en: "Your role cannot perform '{action}'.")
        case .hearingNoticeTooLate:
            LocalizedText(
                kk: "Алдын ала шешім туралы хабарлама мерзім біткенге дейін 3 жұмыс күнінен кешіктірілмей, {date} дейін жіберілуі керек еді.",
                ru: "Уведомление о предварительном решении должно быть направлено не позднее чем за 3 рабочих дня до окончания срока, до {date}.",
                en: "The notice of a preliminary refusal had to go out no later than 3 working days before the term ends, by {date}.")
        case .hearingTooLate:
            LocalizedText(
                kk: "Тыңдау хабарламадан кейін 2 жұмыс күнінен кешіктірілмей, {date} дейін өткізілуі керек.",
                ru: "Заслушивание проводится не позднее 2 рабочих дней после уведомления, до {date}.",
                en: "The hearing must be held no later than 2 working days after the notice, by {date}.")
        case .refusalGroundUnknown:
            LocalizedText(
                kk: "«{value}» бас тарту негізі қызмет паспортында жоқ.",
                ru: "Основания отказа «{value}» нет в паспорте услуги.",
                en: "Refusal ground '{value}' is not in the service passport.")
        case .refusalGroundsRequired:
            LocalizedText(
                kk: "Бас тартудың кемінде бір негізін көрсетіңіз.",
                ru: "Укажите хотя бы одно основание отказа.",
                en: "Name at least one ground for the refusal.")
        case .objectionPeriodOver:
            LocalizedText(
                kk: "Қарсылық білдіру мерзімі {date} аяқталды.",
                ru: "Срок для возражения истёк {date}.",
                en: "The time to object ended on {date}.")
        case .storageNotOver:
            LocalizedText(
                kk: "Нәтиже {date} дейін Мемлекеттік корпорацияда сақталады.",
                ru: "Результат хранится в Госкорпорации до {date}.",
                en: "The result is kept at the State Corporation until {date}.")
        case .caseNotFound:
            LocalizedText(
                kk: "Мұндай іс жоқ немесе оны көруге құқығыңыз жоқ.",
                ru: "Такого дела нет, или у вас нет права его видеть.",
                en: "There is no such case, or you may not see it.")
        case .applicationDuplicate:
            LocalizedText(
                kk: "Бұл құжат бойынша № {number} өтініш әлі қаралуда.",
                ru: "По этому документу ещё рассматривается заявление № {number}.",
                en: "Application No. {number} for this document is still open.")
        case .consentMissing:
            LocalizedText(
                kk: "Дербес деректерге қол жеткізуге келісім берілмеген: бұл бас тарту негізі.",
                ru: "Не дано согласие на доступ к персональным данным: это основание для отказа.",
                en: "No consent to access personal data was given: this is a ground for refusal.")
        case .channelNotOffered:
            LocalizedText(
                kk: "Бұл қызмет «{value}» арнасы арқылы көрсетілмейді.",
                ru: "Эта услуга не оказывается через канал «{value}».",
                en: "This service is not offered through '{value}'.")
        case .providerUnknown:
            LocalizedText(
                kk: "Бұл қызметті осы ұйым көрсетпейді.",
                ru: "Эту услугу данная организация не оказывает.",
                en: "This organization does not provide this service.")
        case .documentNotHolders:
            LocalizedText(
                kk: "Тізілімдегі бұл құжат өтініш берушіге тиесілі емес.",
                ru: "Этот документ из реестра не принадлежит заявителю.",
                en: "This registry document does not belong to the applicant.")
        case .concurrentChange:
            LocalizedText(
                kk: "Істі басқа біреу өзгертті. Бетті жаңартып, қайталаңыз.",
                ru: "Дело только что изменил кто-то другой. Обновите страницу и повторите.",
                en: "Someone else changed the case just now. Reload and try again.")
        case .originalNotInRegistry:
            LocalizedText(
                kk: "Түпнұсқа тізілімде жоқ: алдымен оны мұрағаттан тізілімге енгізіңіз.",
                ru: "Оригинала нет в реестре: сначала внесите его в реестр из архива.",
                en: "The original is not in the registry: enter it from the archive first.")
        case .blankStockEmpty:
            LocalizedText(
                kk: "Ұйымда бланкілер қалмады: бланк қорын толықтырыңыз.",
                ru: "У организации закончились бланки: пополните запас бланков.",
                en: "The organization has no blanks left: replenish the blank stock.")
        case .courierNothingToSend:
            LocalizedText(
                kk: "Бұл ұйымға жіберілетін өтініштер жоқ.",
                ru: "Для этой организации нет заявлений к отправке.",
                en: "There are no applications to send to this organization.")
        case .complaintForwardOverdue:
            LocalizedText(
                kk: "Шағымды қанағаттандыру мерзімі {date} өтті: оны шағымды қарайтын органға жіберіңіз.",
                ru: "Срок удовлетворения жалобы истёк {date}: направьте её в орган, рассматривающий жалобу.",
                en: "The time to satisfy the complaint ended on {date}: forward it to the reviewing body.")
        case .complaintAnswerRequired:
            LocalizedText(
                kk: "Дәлелді жауап жазыңыз (кемінде 10 таңба).",
                ru: "Напишите мотивированный ответ (не менее 10 символов).",
                en: "Write a motivated answer (at least 10 characters).")
        case .complaintTextRequired:
            LocalizedText(
                kk: "Шағымның мәнін жазыңыз (кемінде 10 таңба).",
                ru: "Опишите суть жалобы (не менее 10 символов).",
                en: "Describe the complaint (at least 10 characters).")
        case .complaintNotFound:
            LocalizedText(
                kk: "Мұндай шағым жоқ немесе оны көруге құқығыңыз жоқ.",
                ru: "Такой жалобы нет, или у вас нет права её видеть.",
                en: "There is no such complaint, or you may not see it.")
        case .decisionNotFound:
            LocalizedText(
                kk: "Бұл істе мұндай шешім жоқ.",
                ru: "В этом деле нет такого решения.",
                en: "This case has no such decision.")
        case .fileTypeNotAllowed:
            LocalizedText(
                kk: "«{value}» файл түрі қабылданбайды: PDF, PNG немесе JPEG жіберіңіз.",
                ru: "Тип файла «{value}» не принимается: отправьте PDF, PNG или JPEG.",
                en: "File type '{value}' is not accepted: send a PDF, PNG or JPEG.")
        case .fileNotWhatItSays:
            LocalizedText(
                kk: "Файл өзі көрсеткен {value} түріне сәйкес емес.",
                ru: "Файл не является тем, чем назван ({value}).",
                en: "The file is not the {value} it claims to be.")
        case .fileTooLarge:
            LocalizedText(
                kk: "Файл тым үлкен: ең көбі {limit} МБ.",
                ru: "Файл слишком большой: не более {limit} МБ.",
                en: "The file is too large: at most {limit} MB.")
        case .fileEmpty:
            LocalizedText(
                kk: "Файл бос.",
                ru: "Файл пустой.",
                en: "The file is empty.")
        case .identityNotFound:
            LocalizedText(
                kk: "Бұл ЖСН жеке тұлғалардың мемлекеттік тізілімінде табылмады.",
                ru: "Этот ИИН не найден в государственном реестре физических лиц.",
                en: "This IIN is not in the state register of individuals.")
        case .handOverProofRequired:
            LocalizedText(
                kk: "Нәтиже қолхат пен жеке басын куәландыратын құжат (немесе нотариат куәландырған сенімхат) бойынша беріледі: көрсетілген құжатты жазыңыз.",
                ru: "Результат выдаётся по расписке и документу, удостоверяющему личность (или нотариальной доверенности): укажите предъявленный документ.",
                en: "The result is handed over against the receipt and an identity document (or a notarised power of attorney): record the document shown.")
        case .hearingNotYet:
            LocalizedText(
                kk: "Тыңдау {date} күніне белгіленген: оған дейін өткізуге болмайды.",
                ru: "Заслушивание назначено на {date}: раньше его проводить нельзя.",
                en: "The hearing is set for {date}: it cannot be held before.")
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
        case .databaseUnavailable:
            LocalizedText(
                kk: "Дерекқор қолжетімсіз. Кейінірек қайталаңыз.",
                ru: "База данных недоступна. Повторите позже.",
                en: "The database is unavailable. Try again later.")
        case .correctionRequired:
            LocalizedText(
                kk: "Түзетілетін кемінде бір өрісті, оның дұрыс мәнін және қатенің түсіндірмесін көрсетіңіз.",
                ru: "Укажите хотя бы одно поле для исправления, его верное значение и пояснение ошибки.",
                en: "Name at least one field to correct, its correct value and the explanation of the error.")
        case .correctionFieldUnknown:
            LocalizedText(
                kk: "Құжатта «{value}» өрісі жоқ.",
                ru: "В документе нет поля «{value}».",
                en: "The document has no field “{value}”.")
        case .correctionFieldRepeated:
            LocalizedText(
                kk: "«{value}» өрісі екі рет көрсетілген.",
                ru: "Поле «{value}» указано дважды.",
                en: "The field “{value}” is named twice.")
        case .correctionExplanationRequired:
            LocalizedText(
                kk: "Әр өріс үшін қатенің түсіндірмесін жазыңыз (3-тен 1000 таңбаға дейін).",
                ru: "Для каждого поля поясните ошибку (от 3 до 1000 знаков).",
                en: "Explain the error for each field (3 to 1000 characters).")
        case .correctionValueInvalid:
            LocalizedText(
                kk: "«{value}» мәні бұл өріске жарамайды. Баға 1-ден 5-ке дейін, үтірден кейін екі таңбаға дейін болады.",
                ru: "Значение «{value}» не подходит для этого поля. Оценка — от 1 до 5, до двух знаков после запятой.",
                en: "The value “{value}” does not fit this field. A grade is 1 to 5 with up to two decimals.")
        case .correctionNothingToChange:
            LocalizedText(
                kk: "«{value}» өрісінің жаңа мәні құжаттағымен бірдей: түзететін ештеңе жоқ.",
                ru: "Новое значение поля «{value}» совпадает с документом: исправлять нечего.",
                en: "The new value of “{value}” is the same as in the document: there is nothing to correct.")
        case .correctionCopyRequired:
            LocalizedText(
                kk: "Білім туралы құжаттың электрондық көшірмесін тіркеңіз (PDF, PNG немесе JPEG).",
                ru: "Приложите электронную копию документа об образовании (PDF, PNG или JPEG).",
                en: "Attach the electronic copy of the education document (PDF, PNG or JPEG).")
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
        case .admissionWindowClosed:
            LocalizedText(
                kk: "Бұл бағдарламаға өтініштер {opens} бастап {closes} дейін қабылданады.",
                ru: "Заявления на эту программу принимаются с {opens} по {closes}.",
                en: "Applications to this program are accepted from {opens} to {closes}.")
        case .admissionTooManyChoices:
            LocalizedText(
                kk: "Ең көбі {max} бағдарлама таңдауға болады.",
                ru: "Можно выбрать не более {max} программ.",
                en: "You may choose at most {max} programs.")
        case .admissionChoiceRepeated:
            LocalizedText(
                kk: "«{program}» бағдарламасы екі рет таңдалды.",
                ru: "Программа «{program}» выбрана дважды.",
                en: "The program “{program}” is chosen twice.")
        case .admissionProgramClosed:
            LocalizedText(
                kk: "«{program}» бағдарламасына қабылдау жүргізілмейді.",
                ru: "На программу «{program}» приём не ведётся.",
                en: "The program “{program}” is not admitting applicants.")
        case .admissionProgramWrongBase:
            LocalizedText(
                kk: "«{program}» бағдарламасы сіздің білім деңгейіңізге ({base}) арналмаған.",
                ru: "Программа «{program}» не предназначена для вашего уровня образования ({base}).",
                en: "The program “{program}” is not for your education base ({base}).")
        case .admissionQuotaDocumentMissing:
            LocalizedText(
                kk: "«{category}» квота санатын растайтын құжатты тіркеңіз.",
                ru: "Приложите документ, подтверждающий квотную категорию «{category}».",
                en: "Attach the document proving the quota category “{category}”.")
        case .admissionGradesMissing:
            LocalizedText(
                kk: "Білім туралы құжатта мына пәндердің бағалары жоқ: {subjects}.",
                ru: "В документе об образовании нет оценок по предметам: {subjects}.",
                en: "The education document has no grades for: {subjects}.")
        case .admissionScoreMalformed:
            LocalizedText(
                kk: "«{value}» бағасы қате: 1-ден 5-ке дейінгі сан, ең көбі екі ондық таңбамен (мысалы, 4 немесе 4.5).",
                ru: "Оценка «{value}» неверна: число от 1 до 5, не более двух знаков после точки (например, 4 или 4.5).",
                en: "The mark “{value}” is wrong: a number from 1 to 5 with at most two decimals (such as 4 or 4.5).")
        case .admissionExamNotNeeded:
            LocalizedText(
                kk: "«{program}» бағдарламасында арнаулы, шығармашылық емтихан немесе психометриялық тестілеу жоқ.",
                ru: "Программа «{program}» не предусматривает специального, творческого экзамена или психометрического тестирования.",
                en: "The program “{program}” has no special or creative exam and no psychometric test.")
        case .admissionNotChosen:
            LocalizedText(
                kk: "Талапкер «{program}» бағдарламасын өтінішінде таңдамаған.",
                ru: "Абитуриент не выбирал программу «{program}» в своём заявлении.",
                en: "The applicant did not choose the program “{program}” in their application.")
        case .admissionAccommodationUnproved:
            LocalizedText(
                kk: "Жеке аудитория немесе көмекші мүгедектігі бар адамдарға беріледі: өтініште 031-У қорытындысы болуы керек.",
                ru: "Отдельная аудитория или ассистент предоставляются лицам с инвалидностью: в заявлении должно быть заключение 031-У.",
                en: "A separate room or an assistant is for persons with disability: the application must carry the 031-U conclusion.")
        case .admissionPublicationTooEarly:
            LocalizedText(
                kk: "Бұл база бойынша конкурс нәтижелері {date} бастап жарияланады.",
                ru: "Результаты конкурса на этой базе публикуются не ранее {date}.",
                en: "The competition's results on this base are published from {date}.")
        case .admissionAlreadyPublished:
            LocalizedText(
                kk: "Бұл база бойынша {year} жылғы нәтижелер жарияланып қойған.",
                ru: "Результаты {year} года на этой базе уже опубликованы.",
                en: "The {year} results on this base are already published.")
        case .admissionRunNotFromApplications:
            LocalizedText(
                kk: "Бұл конкурс өтініштерден құрылмаған, оны жариялауға болмайды.",
                ru: "Этот прогон конкурса построен не из заявлений, его нельзя опубликовать.",
                en: "This run was not built from the applications and cannot be published.")
        case .admissionNotAdmitted:
            LocalizedText(
                kk: "Талапкер конкурс нәтижесі бойынша қабылданбаған.",
                ru: "Абитуриент не зачислен по результатам конкурса.",
                en: "The applicant was not admitted by the competition.")
        case .admissionContractExpired:
            LocalizedText(
                kk: "Шартқа қол қою мерзімі {due} аяқталды, орын қайта бөлуге берілді.",
                ru: "Срок подписания договора истёк {due}, место передано на перераспределение.",
                en: "The time to sign the contract ended on {due}; the place went to redistribution.")
        case .admissionContractSigned:
            LocalizedText(
                kk: "Шартқа қол қойылған.",
                ru: "Договор уже подписан.",
                en: "The contract is already signed.")
        case .admissionSupportNotRequested:
            LocalizedText(
                kk: "Талапкер өтінішінде мұны сұрамаған: {service}.",
                ru: "Абитуриент не просил об этом в заявлении: {service}.",
                en: "The applicant did not ask for this in the application: {service}.")
        case .admissionRegistrationClosed:
            LocalizedText(
                kk: "Колледждер талапкерлерді {closes} дейін тіркейді.",
                ru: "Колледжи регистрируют абитуриентов до {closes}.",
                en: "Colleges register applicants until {closes}.")
        case .admissionProgramNotOwn:
            LocalizedText(
                kk: "Колледжде тек оның өз бағдарламаларына өтініш қабылданады: «{program}» басқа колледждікі.",
                ru: "В колледже принимают заявления только на его программы: «{program}» — программа другого колледжа.",
                en: "A college takes applications to its own programs only: '{program}' is another college's.")
        case .admissionRecognitionMissing:
            LocalizedText(
                kk: "Шетелдік құжат бойынша бағаларды колледждің қабылдау комиссиясы шешіммен белгілейді: бұл тұлғаға комиссияның қабылданған шешімі жоқ.",
                ru: "Оценки по иностранному документу устанавливает решением приёмная комиссия колледжа: принятого решения комиссии по этому лицу нет.",
                en: "The grades of a foreign document are set by a decision of the college's admission commission: there is no adopted decision on this person.")
        case .admissionRecognitionUsed:
            LocalizedText(
                kk: "Комиссияның бұл шешімі бойынша өтініш бұрын қабылданған.",
                ru: "По этому решению комиссии заявление уже принято.",
                en: "An application has already been taken with this commission decision.")
        case .admissionRecognitionMismatch:
            LocalizedText(
                kk: "Құжаттың негізі комиссия шешіміндегіден басқа: шешімде көрсетілген негізді таңдаңыз.",
                ru: "Основание документа отличается от указанного в решении комиссии: выберите основание из решения.",
                en: "The document's base differs from the commission decision's: choose the base the decision states.")
        case .admissionDomesticDocument:
            LocalizedText(
                kk: "Бұл тұлғаның осы деңгейдегі білім туралы құжаты тізілімде бар: өтінішті сол құжатпен порталда береді.",
                ru: "Документ об образовании этого уровня у этого лица есть в реестре: заявление подаётся с ним на портале.",
                en: "This person's education document of this level is in the registry: they apply with it on the portal.")
        case .admissionChoicesAcrossRegions:
            LocalizedText(
                kk: "Барлық таңдаулар бір өңірдің бағдарламалары болуы керек: конкурсты өңірдің білім басқармасы өткізеді.",
                ru: "Все выборы должны быть программами одного региона: конкурс проводит управление образования региона.",
                en: "All choices must be programs of one region: the region's education department runs the competition.")
        case .admissionExamNotRegistered:
            LocalizedText(
                kk: "Бұл талапкер бұл бағдарламаның емтиханына тіркелмеген.",
                ru: "Этот абитуриент не зарегистрирован на экзамен этой программы.",
                en: "This applicant is not registered for this program's exam.")
        case .admissionPsychometricFailed:
            LocalizedText(
                kk: "Психометриялық тестілеуден өтпеген талапкер медициналық бағдарлама конкурсына қатыспайды.",
                ru: "Абитуриент, не прошедший психометрическое тестирование, не участвует в конкурсе на медицинскую программу.",
                en: "An applicant who did not pass the psychometric test does not take part in the competition for a medical program.")
        case .commissionNoQuorum:
            LocalizedText(
                kk: "Кворум жоқ: {present} мүше қатысуда, кемінде {required} керек (мүшелердің үштен екісі).",
                ru: "Нет кворума: присутствуют {present} членов, нужно не менее {required} (две трети членов).",
                en: "No quorum: {present} members present, at least {required} needed (two thirds of the members).")
        case .commissionSecretaryVotes:
            LocalizedText(
                kk: "Хатшы комиссия мүшесі емес және дауыс бермейді.",
                ru: "Секретарь не является членом комиссии и не голосует.",
                en: "The secretary is not a member of the commission and does not vote.")
        case .commissionNotPresent:
            LocalizedText(
                kk: "Отырысқа қатыспаған мүше дауыс бере алмайды.",
                ru: "Член комиссии, отсутствующий на заседании, не может голосовать.",
                en: "A member who is not present at the meeting cannot vote.")
        case .commissionVoteRepeated:
            LocalizedText(
                kk: "Әр мүше бір рет қана дауыс береді.",
                ru: "Каждый член комиссии голосует один раз.",
                en: "Each member votes once.")
        case .commissionTieWithoutChair:
            LocalizedText(
                kk: "Дауыстар тең, ал төрағаның дауысы жоқ: шешім қабылданбады.",
                ru: "Голоса разделились поровну, а голоса председателя нет: решение не принято.",
                en: "The votes are tied and the chair has not voted: no decision is taken.")
        case .importHeader:
            LocalizedText(
                kk: "Бірінші жолда бағандардың атаулары болуы керек: {columns}.",
                ru: "Первая строка должна называть столбцы: {columns}.",
                en: "The first line must name the columns: {columns}.")
        case .importColumnCount:
            LocalizedText(
                kk: "Жолда {found} баған бар, {expected} болуы керек.",
                ru: "В строке {found} столбцов, а должно быть {expected}.",
                en: "The line has {found} columns; {expected} are expected.")
        case .importValue:
            LocalizedText(
                kk: "«{column}» бағаны: «{value}» мәніне жол берілмейді ({allowed}).",
                ru: "Столбец «{column}»: значение «{value}» недопустимо ({allowed}).",
                en: "Column “{column}”: “{value}” is not allowed ({allowed}).")
        case .importDuplicate:
            LocalizedText(
                kk: "«{code}» бағдарлама коды қайталанады ({where}).",
                ru: "Код программы «{code}» повторяется ({where}).",
                en: "The program code “{code}” repeats ({where}).")
        case .importNoSubjects:
            LocalizedText(
                kk: "«{specialty}» мамандығының міндетті және бейіндік пәндер тізімі жоқ: оны subjects бағанында беріңіз немесе анықтамалыққа қосыңыз.",
                ru: "Для специальности «{specialty}» нет списка обязательных и профильных предметов: укажите его в столбце subjects или добавьте в справочник.",
                en: "The specialty “{specialty}” has no list of compulsory and profile subjects: give it in the subjects column or add it to the reference.")
        case .importSubjectsDiffer:
            LocalizedText(
                kk: "«{specialty}» мамандығының пәндері анықтамалықтағыдан өзге ({reference}): алдымен анықтамалықты түзетіңіз немесе бағанды бос қалдырыңыз.",
                ru: "Предметы специальности «{specialty}» отличаются от справочника ({reference}): сначала исправьте справочник или оставьте столбец пустым.",
                en: "The subjects of the specialty “{specialty}” differ from the reference ({reference}): correct the reference first, or leave the column empty.")
        case .specialtySubjectsInvalid:
            LocalizedText(
                kk: "Пәндер тізімі: 1-ден 10-ға дейін әртүрлі пән, әрқайсысы 60 таңбаға дейін; түзетудің себебі міндетті.",
                ru: "Список предметов: от 1 до 10 разных предметов, каждый до 60 знаков; причина исправления обязательна.",
                en: "The subject list: 1 to 10 distinct subjects of up to 60 characters each; the reason for the correction is required.")
        case .importSameProgram:
            LocalizedText(
                kk: "«{code}» жолы сол бағдарламаны қайталайды ({where}): ұйым, мамандық, біліктілік, негіз, тіл, оқу нысаны және қаржыландыру бірдей.",
                ru: "Строка «{code}» повторяет ту же программу ({where}): совпадают организация, специальность, квалификация, основа, язык, форма обучения и финансирование.",
                en: "The line “{code}” repeats the same program ({where}): the organization, specialty, qualification, base, language, form of study and funding are the same.")
        case .importOrganization:
            LocalizedText(
                kk: "«{organization}» ұйымы сіздің өңіріңіздің ТжКБ ұйымы емес.",
                ru: "Организация «{organization}» не является организацией ТиПО вашего региона.",
                en: "“{organization}” is not a TVET organization of your region.")
        case .importEmpty:
            LocalizedText(
                kk: "Файлда бағдарламалар жоқ.",
                ru: "В файле нет программ.",
                en: "The file has no programs.")
        case .importRefused:
            LocalizedText(
                kk: "Файл жүктелмеді: {count} жолда қате бар. Ештеңе өзгертілмеді.",
                ru: "Файл не загружен: ошибки в {count} строках. Ничего не изменено.",
                en: "The file was not loaded: {count} lines have errors. Nothing was changed.")
        case .admissionInputInvalid:
            LocalizedText(
                kk: "Конкурс деректері қабылданбады: {detail}",
                ru: "Данные конкурса отклонены: {detail}",
                en: "The competition's input is refused: {detail}")
        case .admissionAlreadyApplied:
            LocalizedText(
                kk: "{year} жылы қабылдауға өтініш берілген: бір өтінішке төрт бағдарламаға дейін таңдауға болады.",
                ru: "Заявление на приём в {year} году уже подано: в одном заявлении можно выбрать до четырёх программ.",
                en: "An application for admission in {year} has already been made: one application may choose up to four programs.")
        case .internalError:
            LocalizedText(
                kk: "Ішкі қате болды. Сұрау нөмірі: {requestId}.",
                ru: "Произошла внутренняя ошибка. Номер запроса: {requestId}.",
                en: "An internal error occurred. Request id: {requestId}.")
        }
    }
}
