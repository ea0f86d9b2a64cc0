package dev.countersign.gitops;

import dev.countersign.policy.Policy;
import dev.countersign.stack.Pricing;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a reviewer sees before approving a policy change: the policy as recorded at the proposal's base and as
 * proposed, each with its text and hash, and the price catalogue ({@code .countersign/pricing.yaml}) before and
 * after, which a policy change also governs. The change is judged under {@link #before()}, never under {@link
 * #after()}. Immutable.
 *
 * @param proposal the proposal, with its state, decisions and approvals
 * @param before the policy in force at the proposal's base
 * @param after the policy as proposed
 * @param pricingBefore the price catalogue at the proposal's base, or null when there is none
 * @param pricingAfter the price catalogue as proposed, or null when there is none
 */
public record PolicyReview(
        Proposal proposal,
        Policy before,
        Policy after,
        @Nullable Pricing pricingBefore,
        @Nullable Pricing pricingAfter) {

    /**
     * Creates the review of a change of the policy alone, in a repository without a price catalogue.
     *
     * @param proposal the proposal
     * @param before the policy in force at the proposal's base
     * @param after the policy as proposed
     */
    public PolicyReview(Proposal proposal, Policy before, Policy after) {
        this(proposal, before, after, null, null);
    }

    /**
     * Returns the lines of the policy text that the change removes, each prefixed {@code - }, then those it adds,
     * each prefixed {@code + }, in file order: a line diff for reading, not a patch.
     *
     * @return the changed lines
     */
    public List<String> changedLines() {
        return lines(before.source(), after.source());
    }

    /**
     * Tells whether the change changes the price catalogue (adds, replaces or removes it).
     *
     * @return true when the catalogue differs
     */
    public boolean changesPricing() {
        return !entries(pricingBefore).equals(entries(pricingAfter));
    }

    /**
     * Returns the entries of the price catalogue that the change removes, each prefixed {@code - }, then those it
     * adds, each prefixed {@code + }: one line for the catalogue's name and currency, one per server type
     * ({@code cpx31: 4 vCPU, 8 GiB, 0 GPU, monthly 15.72, hourly 0.0252}), so a changed price shows as its old and
     * its new line.
     *
     * @return the changed lines; empty when the catalogue does not change
     */
    public List<String> pricingChangedLines() {
        return lines(entries(pricingBefore), entries(pricingAfter));
    }

    private static String entries(@Nullable Pricing pricing) {
        if (pricing == null) {
            return "";
        }
        StringBuilder text = new StringBuilder("catalogue " + pricing.name() + " in " + pricing.currency() + "\n");
        new TreeMap<>(pricing.serverTypes())
                .forEach((type, price) -> text.append(type)
                        .append(": ")
                        .append(price.vcpu())
                        .append(" vCPU, ")
                        .append(price.memoryGiB())
                        .append(" GiB, ")
                        .append(price.gpu())
                        .append(" GPU, monthly ")
                        .append(price.monthly().toPlainString())
                        .append(
                                price.hourly() == null
                                        ? ""
                                        : ", hourly " + price.hourly().toPlainString())
                        .append('\n'));
        return text.toString();
    }

    private static List<String> lines(String before, String after) {
        List<String> was = before.lines().toList();
        List<String> will = after.lines().toList();
        List<String> lines = new ArrayList<>();
        was.stream().filter(line -> !will.contains(line)).forEach(line -> lines.add("- " + line));
        will.stream().filter(line -> !was.contains(line)).forEach(line -> lines.add("+ " + line));
        return lines;
    }
}
