package it.oivreport.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

class PagingTests {

    private static final Map<String, Sort> SORTS = sorts();

    private static Map<String, Sort> sorts() {
        Map<String, Sort> sorts = new LinkedHashMap<>();
        sorts.put("name", Sort.by("name"));
        sorts.put("-name", Sort.by(Sort.Direction.DESC, "name"));
        return sorts;
    }

    @Test
    void requestsAtMostFiftyRowsSortedOnlyAsTheListOffers() {
        PageRequest request = Paging.request(3, "password; drop table", SORTS);
        assertThat(request.getPageSize()).isEqualTo(50);
        assertThat(request.getPageNumber()).isEqualTo(3);
        assertThat(request.getSort()).isEqualTo(Sort.by("name"));
        assertThat(Paging.request(-7, "-name", SORTS).getPageNumber()).isZero();
        assertThat(Paging.request(0, "-name", SORTS).getSort()).isEqualTo(Sort.by(Sort.Direction.DESC, "name"));
        assertThat(Paging.sortKey("nonsense", SORTS)).isEqualTo("name");
    }

    @Test
    void linksKeepTheSearchAndSortAndEncodeThem() {
        Paging paging = Paging.of(page(2, 10_002), "/admin/users", orderedMap("q", "Rossi & C", "sort", "-name"));
        assertThat(paging.url(0)).isEqualTo("/admin/users?q=Rossi%20%26%20C&sort=-name");
        assertThat(paging.url(3)).isEqualTo("/admin/users?q=Rossi%20%26%20C&sort=-name&page=3");
        assertThat(Paging.of(page(0, 3), "/reports", orderedMap("q", "", "sort", null)).url(1)).isEqualTo("/reports?page=1");
    }

    @Test
    void saysWhichRowsAreShownAndLinksTheNeighbouringPages() {
        Paging paging = Paging.of(page(5, 10_002), "/x", Map.of());
        assertThat(paging.firstRow()).isEqualTo(251);
        assertThat(paging.lastRow()).isEqualTo(300);
        assertThat(paging.totalPages()).isEqualTo(201);
        assertThat(paging.window()).containsExactly(0, 3, 4, 5, 6, 7, 200);
        assertThat(paging.hasPrevious()).isTrue();
        assertThat(Paging.of(page(200, 10_002), "/x", Map.of()).hasNext()).isFalse();
        assertThat(Paging.of(page(200, 10_002), "/x", Map.of()).lastRow()).isEqualTo(10_002);
    }

    private static PageImpl<Integer> page(int number, long total) {
        long rows = Math.min(50, total - number * 50L);
        return new PageImpl<>(Collections.nCopies((int) rows, 1), PageRequest.of(number, 50), total);
    }

    private static Map<String, String> orderedMap(String k1, String v1, String k2, String v2) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

}
