package it.oivreport.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A page of a list, as the shared pager fragment ({@code fragments/paging :: pager}) shows it: which rows,
 * and the links to the other pages, each keeping the list's search and sort. Every list a user can make
 * long is paged with it, {@value #SIZE} rows at a time.
 */
public record Paging(int number, int totalPages, long totalElements, int rowsOnPage, String path,
        Map<String, String> parameters) {

    public static final int SIZE = 50;

    /**
     * The page asked for, sorted as {@code sort} names one of {@code sorts} (the first when unknown): a
     * request can never sort by a column the list does not offer. A negative page is the first.
     */
    public static PageRequest request(int page, String sort, Map<String, Sort> sorts) {
        Sort chosen = sorts.getOrDefault(sort, sorts.values().iterator().next());
        return PageRequest.of(Math.max(0, page), SIZE, chosen);
    }

    /** The key of the sort in use: {@code sort} when the list offers it, else its default. */
    public static String sortKey(String sort, Map<String, Sort> sorts) {
        return sorts.containsKey(sort) ? sort : sorts.keySet().iterator().next();
    }

    /** @param namesAndValues the search and sort to keep in every page's link, in order: name, value, … */
    public static Paging of(Page<?> page, String path, String... namesAndValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return of(page, path, parameters);
    }

    /** @param parameters the search and sort to keep in every page's link; blank values are left out */
    public static Paging of(Page<?> page, String path, Map<String, String> parameters) {
        Map<String, String> kept = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                kept.put(name, value);
            }
        });
        return new Paging(page.getNumber(), page.getTotalPages(), page.getTotalElements(), page.getNumberOfElements(),
                path, kept);
    }

    public String url(int page) {
        // Values go in as URI variables, so that every reserved character in them ("&", "=", "+") is encoded.
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        Map<String, Object> values = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            builder.queryParam(name, "{" + name + "}");
            values.put(name, value);
        });
        if (page > 0) {
            builder.queryParam("page", page);
        }
        return builder.encode().buildAndExpand(values).toUriString();
    }

    public boolean hasPrevious() {
        return number > 0;
    }

    public boolean hasNext() {
        return number + 1 < totalPages;
    }

    public long firstRow() {
        return rowsOnPage == 0 ? 0 : (long) number * SIZE + 1;
    }

    public long lastRow() {
        return (long) number * SIZE + rowsOnPage;
    }

    /** The page numbers linked directly: the first, the last, and two either side of this one. */
    public List<Integer> window() {
        return IntStream.range(0, totalPages)
                .filter(n -> n == 0 || n == totalPages - 1 || Math.abs(n - number) <= 2).boxed().toList();
    }
}
