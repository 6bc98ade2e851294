package it.oivreport.shared.web;

import it.oivreport.shared.Dates;
import java.time.temporal.TemporalAccessor;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/** {@code #oivDates.date(x)} and {@code #oivDates.dateTime(x)} in every template: {@link Dates}, the one format. */
@Component
class DatesDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String NAME = "oivDates";
    private static final PageDates DATES = new PageDates();

    DatesDialect() {
        super("oiv-dates");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return NAME.equals(expressionObjectName) ? DATES : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }

    /** What templates call; public for SpEL. */
    public static final class PageDates {

        public String date(TemporalAccessor when) {
            return Dates.date(when);
        }

        public String dateTime(TemporalAccessor when) {
            return Dates.dateTime(when);
        }

        public String time(TemporalAccessor when) {
            return Dates.time(when);
        }
    }
}
