package it.oivreport.report;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReportRepository extends JpaRepository<Report, Long> {

    List<Report> findAllByOrderByYearDescAdministrationNameAsc();

    @Query("select r from Report r where lower(r.administrationName) = lower(:name) and r.year = :year")
    Optional<Report> findByAdministrationAndYear(String name, int year);
}
