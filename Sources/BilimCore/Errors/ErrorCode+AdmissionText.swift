extension ErrorCode {
    /// The messages of TVET admission (S4): programs files, applications, the commission and the competition. Only
    /// `template` calls this, for the admission codes it lists; any other code gets the internal error's text.
    var admissionTemplate: LocalizedText {
        switch self {
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
        default:
            ErrorCode.internalError.template
        }
    }
}
