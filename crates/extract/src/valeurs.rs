//! Value parsers: amounts, rates, dates and identifiers as printed on invoices, to the contract's normal forms.
