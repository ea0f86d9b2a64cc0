package dev.countersign.stack;

import java.util.regex.Pattern;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * Jackson's minimal quoting, plus quotes for every string a YAML reader could take for a number
 * (such as {@code 1.0} or {@code 1e3}), so that written strings read back as strings.
 */
final class Quoting extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;
    private static final Pattern NUMBER_LIKE =
            Pattern.compile("[-+0-9._eE]+|[-+]?0[xXoObB].*|[-+]?\\.(inf|Inf|INF|nan|NaN|NAN)");

    @Override
    public boolean needToQuoteValue(String value) {
        return super.needToQuoteValue(value) || NUMBER_LIKE.matcher(value).matches();
    }
}
