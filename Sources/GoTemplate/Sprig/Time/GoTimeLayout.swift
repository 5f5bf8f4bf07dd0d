import Foundation

/// Go's time layouts (`Mon Jan 2 15:04:05 MST 2006`): formatting and parsing.
enum GoTimeLayout {
    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    private static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// The layout elements, longest first where one is a prefix of another.
    private static let elements = [
        "January", "Jan", "Monday", "Mon", "MST", "2006", "-07:00:00", "-0700", "-07:00", "-07", "Z07:00:00", "Z0700", "Z07:00", "Z07",
        "01", "02", "03", "04", "05", "06", "002", "__2", "_2", "15", "1", "2", "3", "4", "5", "PM", "pm",
    ]

    private enum Token {
        case literal(String)
        case element(String)
        case fraction(digits: Int, trimZeros: Bool, separator: Character)
    }

    private static func tokens(_ layout: String) -> [Token] {
        var tokens: [Token] = []
        var literal = ""
        var rest = Substring(layout)
        outer: while !rest.isEmpty {
            if (rest.first == "." || rest.first == ","), let digit = rest.dropFirst().first, digit == "0" || digit == "9" {
                let run = rest.dropFirst().prefix(while: { $0 == digit })
                let after = rest.dropFirst(1 + run.count).first
                if after == nil || !(after!.isNumber) {
                    if !literal.isEmpty { tokens.append(.literal(literal)) }
                    literal = ""
                    tokens.append(.fraction(digits: run.count, trimZeros: digit == "9", separator: rest.first!))
                    rest = rest.dropFirst(1 + run.count)
                    continue
                }
            }
            for element in elements where rest.hasPrefix(element) {
                // "Jan"/"Mon" only count when not followed by a lower-case letter (Go's rule for "Janet").
                if element == "Jan" || element == "Mon", let next = rest.dropFirst(element.count).first, next.isLowercase { break }
                if !literal.isEmpty { tokens.append(.literal(literal)) }
                literal = ""
                tokens.append(.element(element))
                rest = rest.dropFirst(element.count)
                continue outer
            }
            literal.append(rest.removeFirst())
        }
        if !literal.isEmpty { tokens.append(.literal(literal)) }
        return tokens
    }

    private static func pad(_ value: Int, _ width: Int, with filler: Character = "0") -> String {
        let text = String(value)
        return String(repeating: filler, count: max(0, width - text.count)) + text
    }

    /// Go's `Time.Format`.
    static func format(_ time: GoTime, layout: String) -> String {
        let civil = time.civil
        var output = ""
        for token in tokens(layout) {
            switch token {
            case .literal(let text):
                output += text
            case .fraction(let digits, let trimZeros, let separator):
                var fraction = pad(Int(time.nanoseconds), 9)
                fraction = String(fraction.prefix(digits))
                if trimZeros {
                    while fraction.last == "0" { fraction.removeLast() }
                    if !fraction.isEmpty { output += String(separator) + fraction }
                } else {
                    output += String(separator) + fraction
                }
            case .element(let element):
                output += formatElement(element, time: time, civil: civil)
            }
        }
        return output
    }

    private static func formatElement(_ element: String, time: GoTime, civil: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int, yearDay: Int)) -> String {
        let hour12 = civil.hour % 12 == 0 ? 12 : civil.hour % 12
        switch element {
        case "2006": return pad(civil.year, 4)
        case "06": return pad(civil.year % 100, 2)
        case "January": return months[civil.month - 1]
        case "Jan": return String(months[civil.month - 1].prefix(3))
        case "01": return pad(civil.month, 2)
        case "1": return String(civil.month)
        case "Monday": return weekdays[civil.weekday]
        case "Mon": return String(weekdays[civil.weekday].prefix(3))
        case "02": return pad(civil.day, 2)
        case "_2": return pad(civil.day, 2, with: " ")
        case "2": return String(civil.day)
        case "002": return pad(civil.yearDay, 3)
        case "__2": return pad(civil.yearDay, 3, with: " ")
        case "15": return pad(civil.hour, 2)
        case "03": return pad(hour12, 2)
        case "3": return String(hour12)
        case "04": return pad(civil.minute, 2)
        case "4": return String(civil.minute)
        case "05": return pad(civil.second, 2)
        case "5": return String(civil.second)
        case "PM": return civil.hour >= 12 ? "PM" : "AM"
        case "pm": return civil.hour >= 12 ? "pm" : "am"
        case "MST": return time.zoneName
        default:
            // Numeric zones; the Z forms print Z for UTC.
            if element.hasPrefix("Z") && time.offset == 0 { return "Z" }
            let sign = time.offset < 0 ? "-" : "+"
            let magnitude = abs(time.offset)
            let hours = pad(magnitude / 3600, 2), minutes = pad(magnitude % 3600 / 60, 2), seconds = pad(magnitude % 60, 2)
            switch element.dropFirst() {
            case "07": return sign + hours
            case "0700": return sign + hours + minutes
            case "07:00": return sign + hours + ":" + minutes
            default: return sign + hours + ":" + minutes + ":" + seconds
            }
        }
    }

    /// Go's `time.ParseInLocation` for layouts of numeric fields, month and weekday names, and zones.
    static func parse(_ value: String, layout: String, zone: TimeZone) -> GoTime? {
        var rest = Substring(value)
        var year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0, nanoseconds: Int64 = 0
        var pm: Bool?
        var offset: Int?
        func number(_ maxDigits: Int, exact: Bool) -> Int? {
            let digits = rest.prefix(maxDigits).prefix(while: { $0.isASCII && $0.isNumber })
            if digits.isEmpty || exact && digits.count != maxDigits { return nil }
            rest = rest.dropFirst(digits.count)
            return Int(digits)
        }
        for token in tokens(layout) {
            switch token {
            case .literal(let text):
                guard rest.hasPrefix(text) else { return nil }
                rest = rest.dropFirst(text.count)
            case .fraction:
                guard rest.first == "." || rest.first == "," else { continue }
                rest = rest.dropFirst()
                let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
                rest = rest.dropFirst(digits.count)
                nanoseconds = Int64((digits + String(repeating: "0", count: max(0, 9 - digits.count))).prefix(9)) ?? 0
            case .element(let element):
                switch element {
                case "2006": guard let value = number(4, exact: true) else { return nil }; year = value
                case "06": guard let value = number(2, exact: true) else { return nil }; year = value + (value >= 69 ? 1900 : 2000)
                case "01", "1": guard let value = number(2, exact: element == "01"), (1...12).contains(value) else { return nil }; month = value
                case "January", "Jan":
                    guard let index = months.firstIndex(where: { rest.lowercased().hasPrefix((element == "Jan" ? String($0.prefix(3)) : $0).lowercased()) }) else { return nil }
                    rest = rest.dropFirst(element == "Jan" ? 3 : months[index].count)
                    month = index + 1
                case "Monday", "Mon":
                    guard let name = weekdays.first(where: { rest.lowercased().hasPrefix((element == "Mon" ? String($0.prefix(3)) : $0).lowercased()) }) else { return nil }
                    rest = rest.dropFirst(element == "Mon" ? 3 : name.count)
                case "02", "2", "_2":
                    if element == "_2" && rest.first == " " { rest = rest.dropFirst() }
                    guard let value = number(2, exact: element == "02"), (1...31).contains(value) else { return nil }; day = value
                case "15": guard let value = number(2, exact: false), value < 24 else { return nil }; hour = value
                case "03", "3": guard let value = number(2, exact: element == "03"), (1...12).contains(value) else { return nil }; hour = value
                case "04", "4": guard let value = number(2, exact: element == "04"), value < 60 else { return nil }; minute = value
                case "05", "5": guard let value = number(2, exact: element == "05"), value < 60 else { return nil }; second = value
                case "PM", "pm":
                    let marker = rest.prefix(2).uppercased()
                    guard marker == "AM" || marker == "PM" else { return nil }
                    pm = marker == "PM"
                    rest = rest.dropFirst(2)
                case "MST":
                    let name = rest.prefix(while: { $0.isLetter })
                    guard name.count >= 3 else { return nil }
                    rest = rest.dropFirst(name.count)
                    if name == "UTC" || name == "GMT" { offset = 0 }
                default:
                    if element.hasPrefix("Z") && rest.first == "Z" {
                        rest = rest.dropFirst()
                        offset = 0
                        continue
                    }
                    guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
                    rest = rest.dropFirst()
                    guard let hours = number(2, exact: true) else { return nil }
                    if rest.first == ":" { rest = rest.dropFirst() }
                    let minutes = element.contains("00") ? (number(2, exact: true) ?? 0) : 0
                    offset = (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
                }
            }
        }
        guard rest.isEmpty else { return nil }
        if let pm {
            if hour == 12 { hour = 0 }
            if pm { hour += 12 }
        }
        let local = GoTime.days(year: year, month: month, day: day) * 86400 + Int64(hour * 3600 + minute * 60 + second)
        if let offset {
            return GoTime(seconds: local - Int64(offset), nanoseconds: nanoseconds, zone: offset == 0 ? TimeZone(identifier: "UTC")! : TimeZone(secondsFromGMT: offset) ?? zone)
        }
        let guess = local - Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local))))
        return GoTime(seconds: guess, nanoseconds: nanoseconds, zone: zone)
    }
}
