package dev.countersign.policy;

/** Nothing is recorded in an environment while one of its freeze windows covers the clock's instant. */
final class FreezeRule implements Rule {
    @Override
    public void check(Evaluation e) {
        if (e.request.action() != Action.RECORD) {
            return;
        }
        for (FreezeWindow window : e.policy.freezeWindows(e.environment())) {
            if (window.covers(e.now)) {
                e.deny(BuiltInRule.FREEZE, e.environment() + " is frozen at " + e.now + ": " + window);
            }
        }
    }
}
