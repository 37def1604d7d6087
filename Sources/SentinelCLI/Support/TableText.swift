/// A plain text table: columns padded to their widest cell, numbers right-aligned.
struct TableText {
    let headers: [String]
    var rows: [[String]] = []

    init(_ headers: String...) {
        self.headers = headers
    }

    mutating func add(_ cells: String...) {
        rows.append(cells)
    }

    func render() -> String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        return all.map { row in
            headers.indices.map { column in
                let cell = row.indices.contains(column) ? row[column] : ""
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return Self.isNumeric(cell) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }

    private static func isNumeric(_ text: String) -> Bool {
        text.contains { $0.isNumber } && text.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = Substring(self)
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
