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
        case .forbidden:
            LocalizedText(
                kk: "Бұл әрекетке құқығыңыз жоқ.",
                ru: "У вас нет права на это действие.",
                en: "You are not allowed to do this.")
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
        case .internalError:
            LocalizedText(
                kk: "Ішкі қате болды. Сұрау нөмірі: {requestId}.",
                ru: "Произошла внутренняя ошибка. Номер запроса: {requestId}.",
                en: "An internal error occurred. Request id: {requestId}.")
        case .signInFailed, .signInRequired, .csrfInvalid, .otpNoPhone, .otpTooSoon, .signInLocked, .verifyTooMany,
            .challengeBusy, .otpLocked, .otpWrong, .otpExpired, .edsMalformedCertificate, .edsUntrusted, .edsExpired,
            .edsNotYetValid, .edsRevoked, .edsBadSignature, .edsUnsupported, .edsNoIIN, .edsWrongPerson,
            .edsRevocationUnknown, .edsKeyUsage, .challengeInvalid, .confirmationRequired, .confirmationContentChanged,
            .verifyMalformed, .verifyTampered, .verifyNotFound:
            signInTemplate
        case .admissionWindowClosed, .admissionTooManyChoices, .admissionChoiceRepeated, .admissionProgramClosed,
            .admissionProgramWrongBase, .admissionQuotaDocumentMissing, .admissionGradesMissing,
            .admissionScoreMalformed, .admissionExamNotNeeded, .admissionNotChosen, .admissionAccommodationUnproved,
            .admissionPublicationTooEarly, .admissionAlreadyPublished, .admissionRunNotFromApplications,
            .admissionNotAdmitted, .admissionContractExpired, .admissionContractSigned, .admissionSupportNotRequested,
            .admissionRegistrationClosed, .admissionProgramNotOwn, .admissionRecognitionMissing,
            .admissionRecognitionUsed, .admissionRecognitionMismatch, .admissionDomesticDocument,
            .admissionChoicesAcrossRegions, .admissionExamNotRegistered, .admissionPsychometricFailed,
            .commissionNoQuorum, .commissionSecretaryVotes, .commissionNotPresent, .commissionVoteRepeated,
            .commissionTieWithoutChair, .importHeader, .importColumnCount, .importValue, .importDuplicate,
            .importNoSubjects, .importSubjectsDiffer, .specialtySubjectsInvalid, .importSameProgram,
            .importOrganization, .importEmpty, .importRefused, .admissionInputInvalid, .admissionAlreadyApplied:
            admissionTemplate
        }
    }
}
