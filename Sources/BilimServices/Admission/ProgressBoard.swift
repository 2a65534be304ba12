/// How far a long job has got, for a progress bar: kept in process memory per user and job id (another user's id
/// cannot read or overwrite it), the latest `kept` jobs only, so that it can be read outside the job's transaction on
/// either database.
package actor ProgressBoard<State: Sendable> {
    private var states: [String: State] = [:]
    /// Keys oldest first: only the latest jobs are kept, so the board cannot grow without end.
    private var order: [String] = []
    let kept: Int

    package init(kept: Int) { self.kept = kept }

    package func set(_ id: String, owner: String, _ state: State) {
        let key = owner + "\u{0}" + id
        if states.updateValue(state, forKey: key) == nil { order.append(key) }
        if order.count > kept {
            for old in order.prefix(order.count - kept) { states[old] = nil }
            order.removeFirst(order.count - kept)
        }
    }

    package func state(_ id: String, owner: String) -> State? { states[owner + "\u{0}" + id] }
}
