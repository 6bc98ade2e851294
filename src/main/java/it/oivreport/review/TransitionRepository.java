package it.oivreport.review;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TransitionRepository extends JpaRepository<Transition, Long> {

    List<Transition> findByReportIdOrderByHappenedAtDescIdDesc(long reportId);
}
