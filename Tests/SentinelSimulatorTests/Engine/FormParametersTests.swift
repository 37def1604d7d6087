import Testing

@testable import SentinelSimulator

/// The simulator reads query strings and form bodies as the exchanges do: split on the bytes `&` and `=`, then
/// percent-decoded, `+` a space.
@Suite struct FormParametersTests {
    @Test func splitsOnBytesAndDecodes() {
        let form = FormParameters("a=1&&b=x+y%2Bz&c&d=%E2%82%AC&e=%zz&=v&a=2")
        #expect(form.pairs.map(\.name) == ["a", "b", "c", "d", "e", "", "a"])
        #expect(form["a"] == "1" && form["b"] == "x y+z" && form["c"] == "" && form["d"] == "€")
        #expect(form["e"] == "%zz", "a malformed escape is kept as written")
    }

    /// Empty components at either end are skipped; a value may hold `=`; a lone `%` at the very end is kept.
    @Test func edgesOfTheText() {
        #expect(FormParameters("").pairs.isEmpty)
        #expect(FormParameters("&").pairs.isEmpty)
        let form = FormParameters("&a=b=c&%41=%&")
        #expect(form.pairs.map(\.name) == ["a", "A"])
        #expect(form["a"] == "b=c" && form["A"] == "%")
    }

    /// A combining mark after `&` or `=` makes one Character with it, but the exchange splits on the byte.
    @Test func aCombiningMarkDoesNotHideASeparator() {
        let form = FormParameters("a=1&\u{301}b=2&c=\u{301}3")
        #expect(form.pairs.map(\.name) == ["a", "\u{301}b", "c"])
        #expect(form["c"] == "\u{301}3")
    }

    @Test func theSignatureIsStrippedWhereverItIs() {
        #expect(BinanceSignature.stripSignature("a=1&signature=ff&b=2") == "a=1&b=2")
        #expect(BinanceSignature.stripSignature("signature=ff") == "")
        #expect(BinanceSignature.stripSignature("a=1&&b=2") == "a=1&&b=2")
        #expect(BinanceSignature.stripSignature("a=1&xsignature=1") == "a=1&xsignature=1")
    }
}
