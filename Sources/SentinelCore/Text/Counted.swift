/// "1 warning", "4 warnings": a count with its noun in the right number, for messages people read.
public func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}

/// "a Binance key", "an OKX key", "an RSA key": the indefinite article as the word is spoken.
public func withArticle(_ word: String) -> String {
    guard let first = word.first else { return word }
    let spokenAsLetters = word.count > 1 && word.prefix(2).allSatisfy(\.isUppercase)
    // An acronym is read letter by letter: "an RSA", "an HMAC", but "a USD".
    let vowelSound = spokenAsLetters ? "AEFHILMNORSX".contains(first) : "aeiouAEIOU".contains(first)
    return (vowelSound ? "an " : "a ") + word
}
