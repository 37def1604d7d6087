import Testing

@testable import SentinelCore

@Suite struct DecimalArithmeticTests {
    func d(_ text: String) throws -> ExactDecimal { try ExactDecimal(text) }

    @Test func addsAndSubtractsAtTheLargerScale() throws {
        #expect(try d("0.1").adding(d("0.2")).description == "0.3")
        #expect(try d("1.25").subtracting(d("0.250")).description == "1.000")
        #expect(try d("-0.00000001").adding(d("0.00000001")).isZero)
    }

    @Test func multipliesExactly() throws {
        #expect(try d("30000.5").multiplied(by: d("0.001")).description == "30.0005")
        #expect(try d("-1.5").multiplied(by: d("2")).description == "-3.0")
    }

    @Test func dividesWithExplicitRounding() throws {
        #expect(try d("10").divided(by: d("3"), places: 4, rounding: .down).description == "3.3333")
        #expect(try d("10").divided(by: d("3"), places: 4, rounding: .up).description == "3.3334")
        #expect(try d("-10").divided(by: d("3"), places: 2, rounding: .down).description == "-3.34")
        #expect(try d("-10").divided(by: d("3"), places: 2, rounding: .towardZero).description == "-3.33")
        #expect(try d("1").divided(by: d("8"), places: 2, rounding: .halfEven).description == "0.12")
        #expect(try d("3").divided(by: d("8"), places: 2, rounding: .halfEven).description == "0.38")
        #expect(try d("1").divided(by: d("8"), places: 2, rounding: .halfUp).description == "0.13")
        // min notional 5 USDT at a price of 30000.10 with step 0.00001: the smallest quantity that reaches it.
        #expect(try d("5").divided(by: d("30000.10"), places: 5, rounding: .up).description == "0.00017")
        #expect(throws: DecimalError.divisionByZero) { try d("1").divided(by: d("0.000"), places: 2, rounding: .up) }
    }

    @Test func roundsToTickAndStepOnTheChosenSide() throws {
        let tick = try d("0.01")
        #expect(try d("30000.129").rounded(toMultipleOf: tick, .down).description == "30000.12")
        #expect(try d("30000.121").rounded(toMultipleOf: tick, .up).description == "30000.13")
        #expect(try d("30000.125").rounded(toMultipleOf: tick, .halfEven).description == "30000.12")
        #expect(try d("30000.125").rounded(toMultipleOf: tick, .halfUp).description == "30000.13")
        #expect(try d("30000.12").rounded(toMultipleOf: tick, .up).description == "30000.12")
        #expect(try d("7").rounded(toMultipleOf: d("5"), .down).description == "5")
        #expect(try d("0.0000123").rounded(toMultipleOf: d("0.00001"), .down).description == "0.00001")
        #expect(try d("0.0000123").rounded(toMultipleOf: d("0.00001"), .up).description == "0.00002")
        #expect(try d("-1.234").rounded(toMultipleOf: tick, .down).description == "-1.24")
        // A tick that is not a power of ten (Bitget and KuCoin futures have 0.5 or 5 ticks).
        #expect(try d("101.7").rounded(toMultipleOf: d("0.5"), .down).description == "101.5")
        #expect(try d("101.7").rounded(toMultipleOf: d("0.5"), .up).description == "102.0")
        #expect(throws: DecimalError.self) { try d("1").rounded(toMultipleOf: d("0"), .down) }
        #expect(throws: DecimalError.self) { try d("1").rounded(toMultipleOf: d("-0.1"), .down) }
    }

    @Test func tellsWhetherAValueIsOnTheTick() throws {
        #expect(try d("30000.10").isMultiple(of: d("0.01")))
        #expect(try !d("30000.105").isMultiple(of: d("0.01")))
        #expect(try d("102.5").isMultiple(of: d("0.5")))
        #expect(try !d("1").isMultiple(of: d("0")))
    }

    @Test func roundsToPlaces() throws {
        #expect(try d("1.23456").rounded(places: 2, .down).description == "1.23")
        #expect(try d("1.235").rounded(places: 2, .halfUp).description == "1.24")
        #expect(try d("1.2").rounded(places: 4, .down).description == "1.2000")
    }

    @Test func rescalesOnlyWithoutLoss() throws {
        #expect(try d("1.5").rescaled(to: 3).description == "1.500")
        #expect(try d("1.500").rescaled(to: 1).description == "1.5")
        #expect(throws: DecimalError.self) { try d("1.55").rescaled(to: 1) }
    }

    @Test func keepsPriceQuantityAndAmountApart() throws {
        let price = try Price("100.5")
        let quantity = try Quantity("2")
        let notional: Amount = try price.notional(of: quantity)
        #expect(notional == (try Amount("201")))
        #expect(try price.rounded(toMultipleOf: Price("1"), .down) == Price("100"))
    }
}
