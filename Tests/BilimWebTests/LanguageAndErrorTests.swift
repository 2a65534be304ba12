import BilimCore
import BilimServices
import BilimStore
import BilimTestSupport
import BilimWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct LanguageAndErrorTests {
    @Test("?lang= switches the page language and a cookie remembers it", arguments: [("kk", "Мемлекеттік қызметтер"), ("ru", "Государственные услуги"), ("en", "State services")])
    func languageSwitch(_ lang: String, _ heading: String) async throws {
        try await withTestApp { client, _, _ in
            let cookie = try await client.execute(uri: "/services?lang=\(lang)", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains(#"<html lang="\#(lang)">"#))
                #expect(r.text.contains(heading))
                return try #require(cookies(r)["lang"])
            }
            #expect(cookie == lang)
            try await client.execute(uri: "/services", method: .get, headers: [.cookie: "lang=\(cookie)"]) { r in
                #expect(r.text.contains(#"<html lang="\#(lang)">"#))
            }
        }
    }

    @Test("an unknown language is a clear error and sets no cookie")
    func unknownLanguage() async throws {
        try await withTestApp { client, _, _ in
            try await client.execute(uri: "/?lang=fr", method: .get, headers: [.cookie: "lang=ru"]) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("Язык «fr» не поддерживается. Доступны: kk, ru, en."))
                #expect(cookies(r)["lang"] == nil)
            }
            try await client.execute(uri: "/api/v1/services?lang=xx", method: .get) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.json["code"] as? String == "language.unknown")
                #expect(r.json["field"] as? String == "lang")
            }
        }
    }

    @Test("a wrong IIN gets a JSON error with a stable code, its field and a message in kk and ru", arguments: [
        ("900514300122", "iin.checksum", "ЖСН-нің бақылау цифры сәйкес келмейді: нөмірді тексеріңіз.", "Контрольная цифра ИИН не совпадает: проверьте номер."),
        ("90051430012", "iin.format", "ЖСН 12 цифрдан (0–9) тұруы керек.", "ИИН должен состоять из 12 цифр (0–9)."),
        ("900231300121", "iin.birthDate", "ЖСН-дегі туған күн (1990-02-31) нақты күн емес.", "Дата рождения в ИИН (1990-02-31) не существует."),
    ])
    func wrongIIN(_ iin: String, _ code: String, _ kk: String, _ ru: String) async throws {
        try await withTestApp { client, _, logs in
            for (lang, message) in [("kk", kk), ("ru", ru)] {
                try await client.execute(
                    uri: "/api/v1/iin/check", method: .post, headers: [.acceptLanguage: lang, .contentType: "application/json"],
                    body: ByteBuffer(string: #"{"iin": "\#(iin)"}"#)
                ) { r in
                    #expect(r.status == .unprocessableContent)
                    #expect(r.json["code"] as? String == code)
                    #expect(r.json["message"] as? String == message)
                    #expect(r.json["field"] as? String == "iin")
                    #expect((r.json["requestId"] as? String)?.isEmpty == false)
                }
            }
            #expect(!logs.text.contains(iin))
        }
    }

    @Test("the calendar API answers as the CLI does, and a malformed date is named")
    func calendarAPI() async throws {
        try await withTestApp { client, _, _ in
            try await client.execute(
                uri: "/api/v1/calendar/deadline", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"registered": "2025-03-20T17:30", "channel": "portal", "workingDays": 15}"#)
            ) { r in
                #expect(r.status == .ok)
                #expect(r.json["registeredOn"] as? String == "2025-03-20")
                #expect(r.json["deadline"] as? String == "2025-04-14")
            }
            try await client.execute(uri: "/api/v1/calendar/non-working?from=2025-13-01&to=2025-12-31", method: .get) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.json["code"] as? String == "date.malformed")
                #expect(r.json["field"] as? String == "from")
            }
            try await client.execute(uri: "/api/v1/calendar/non-working?from=2025-03-20&to=2025-03-25", method: .get) { r in
                #expect(r.text == #"["2025-03-21","2025-03-22","2025-03-23","2025-03-24","2025-03-25"]"#)
            }
        }
    }

    @Test("a body that is not the expected JSON names what is wrong", arguments: [
        ("{", "request.invalid", "body"), (#"{"iin": 900514300121}"#, "request.invalid", "iin"), ("{}", "field.required", "iin"),
    ])
    func badBodies(_ body: String, _ code: String, _ field: String) async throws {
        try await withTestApp { client, _, _ in
            try await client.execute(
                uri: "/api/v1/iin/check", method: .post, headers: [.contentType: "application/json", .acceptLanguage: "ru"],
                body: ByteBuffer(string: body)
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.json["code"] as? String == code)
                #expect(r.json["field"] as? String == field)
            }
        }
    }

    @Test("a body over the limit is refused with 413 before it is read")
    func tooLarge() async throws {
        try await withTestApp { client, _, _ in
            try await client.execute(
                uri: "/api/v1/iin/check", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: String(repeating: " ", count: 300 * 1024) + "{}")
            ) { r in
                #expect(r.status == .contentTooLarge)
                #expect(r.json["code"] as? String == "request.tooLarge")
            }
        }
    }

    @Test("an unexpected failure answers a generic message with the request id and logs no internals to the user")
    func internalError() async throws {
        try await withTestApp { client, deps, logs in
            try await deps.database.shutdown()

            try await client.execute(
                uri: "/api/v1/calendar/non-working?from=2025-01-01&to=2025-01-31", method: .get, headers: [.acceptLanguage: "kk"]
            ) { r in
                #expect(r.status == .internalServerError)
                let id = try #require(r.json["requestId"] as? String)
                #expect(r.json["code"] as? String == "internal")
                #expect(r.json["message"] as? String == "Ішкі қате болды. Сұрау нөмірі: \(id).")
                #expect(!r.text.lowercased().contains("sqlite"))
            }
            #expect(logs.text.contains("unexpected error"))
        }
    }

    @Test("every interface text exists in kk, ru and en")
    func locales() throws {
        let text = try UIText.load()
        #expect(text.problems().isEmpty)
        #expect(text.table(.kk).count == text.table(.ru).count && text.table(.ru).count == text.table(.en).count)
    }
}
