import MTFSDomain

/// Budget holders (issue #29): a holder is the number the ledger issued when they were first named;
/// the name they go by can change (marriage, a correction) without their cost centres, proposals,
/// statements, sign-offs, login or reminders becoming someone else's.
extension HolderWrites {
    /// Records that the holder `holder` names (by any name they had, in any case or spacing) now
    /// goes by `name`, and returns them as they now are. Refused: a holder the ledger does not know
    /// (with the names it might have meant), a name that is not plain text, a name that is, or once
    /// was, another holder's (it still finds them), and the name they already go by.
    @discardableResult
    public func renameHolder(_ holder: HolderID, to name: String, by who: Provenance) throws -> HolderRegister.Holder {
        try transaction {
            let register = try register()
            guard !holder.rawValue.trimmingSpaces().isEmpty else { throw LedgerError.badField("holder", "give the name of the holder to rename") }
            guard let known = register.holder(named: holder.rawValue) else {
                let near = register.near(holder)
                throw LedgerError.notFound(
                    "no budget holder is called \(holder)" + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?"))
            }
            // Spaces as a name is written: one between words (`Helen  Okafor` is Helen Okafor).
            let name = name.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            try PlainText.checkName(name, what: "holder's new name")
            if let other = register.holder(named: name), other.number != known.number {
                let now = HolderID.canonical(other.name.rawValue) == HolderID.canonical(name)
                throw LedgerError.conflict(
                    now
                        ? "\(other.name) is another budget holder's name (holder \(other.number)); a name finds one holder only"
                        : "\(name) was another budget holder's name (holder \(other.number), who goes by \(other.name) now) and still finds them; choose another"
                )
            }
            guard known.name.rawValue != name else {
                throw LedgerError.refused("\(known.name) already goes by that name; nothing was recorded")
            }
            try rename(known, to: name, by: who)
            return try self.register().holder(number: known.number) ?? known
        }
    }
}
