import GoTemplate

/// TOML's date-times as BurntSushi/toml decodes them into `time.Time`: offset date-times in a fixed
/// zone (`UTC` for `Z`), and local date-times, dates and times at UTC in the zones it names
/// `datetime-local`, `date-local` and `time-local`.
enum TOMLDateTime {
    /// The time a TOML date-time token denotes, or nil when it is not one (or not a valid one).
    static func parse(_ token: String) -> GoTime? {
        let text = Array(token.utf8)
        var position = 0
        func digits(_ count: Int) -> Int? {
            guard position + count <= text.count else { return nil }
            var value = 0
            for byte in text[position..<(position + count)] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            position += count
            return value
        }
        func expect(_ character: Character) -> Bool {
            guard position < text.count, text[position] == character.asciiValue else { return false }
            position += 1
            return true
        }
        var date: (year: Int, month: Int, day: Int)?
        if text.count >= 10, text[4] == UInt8(ascii: "-") {
            guard let year = digits(4), expect("-"), let month = digits(2), expect("-"), let day = digits(2) else { return nil }
            guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
            date = (year, month, day)
            if position == text.count { return GoTime(year: year, month: month, day: day, hour: 0, minute: 0, second: 0, nanosecond: 0, offset: 0, zoneName: "date-local") }
            guard position < text.count, [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(text[position]) else { return nil }
            position += 1
        }
        guard let hour = digits(2), expect(":"), let minute = digits(2), expect(":"), let second = digits(2) else { return nil }
        guard hour < 24, minute < 60, second < 60 else { return nil }
        var nanosecond = 0
        if expect(".") {
            var count = 0
            while position < text.count, (0x30...0x39).contains(text[position]) {
                if count < 9 { nanosecond = nanosecond * 10 + Int(text[position] - 0x30) }
                count += 1
                position += 1
            }
            guard count > 0 else { return nil }
            for _ in count..<9 where count < 9 { nanosecond *= 10 }
        }
        guard let (year, month, day) = date else {
            guard position == text.count else { return nil }
            return GoTime(year: 0, month: 1, day: 1, hour: hour, minute: minute, second: second, nanosecond: nanosecond, offset: 0, zoneName: "time-local")
        }
        if position == text.count {
            return GoTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nanosecond, offset: 0, zoneName: "datetime-local")
        }
        if expect("Z") || expect("z") {
            guard position == text.count else { return nil }
            return GoTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nanosecond, offset: 0, zoneName: "UTC")
        }
        guard position < text.count, text[position] == UInt8(ascii: "+") || text[position] == UInt8(ascii: "-") else { return nil }
        let sign = text[position] == UInt8(ascii: "-") ? -1 : 1
        position += 1
        guard let offsetHours = digits(2), expect(":"), let offsetMinutes = digits(2), position == text.count, offsetHours < 24, offsetMinutes < 60 else { return nil }
        let offset = sign * (offsetHours * 3600 + offsetMinutes * 60)
        // Go names a fixed zone without a name by its offset.
        let name = (sign < 0 ? "-" : "+") + twoDigits(offsetHours) + twoDigits(offsetMinutes)
        return GoTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nanosecond, offset: offset, zoneName: name)
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
