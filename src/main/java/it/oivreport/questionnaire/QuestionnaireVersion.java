package it.oivreport.questionnaire;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Loaded from a YAML file and never edited by users, hence no {@code @Version}. */
@Entity
@Table(name = "questionnaire_version")
class QuestionnaireVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false, unique = true)
    private int number;

    @Column(nullable = false)
    private String title;

    @Column(name = "header_note", nullable = false)
    private String headerNote;

    @Column(nullable = false)
    private String checksum;

    @Column(name = "loaded_at", nullable = false)
    private Instant loadedAt;

    @OneToMany(mappedBy = "version", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("number")
    private List<Part> parts = new ArrayList<>();

    protected QuestionnaireVersion() {
    }

    QuestionnaireVersion(String code, int number, String title, String headerNote, String checksum, Instant loadedAt) {
        this.code = code;
        this.number = number;
        this.title = title;
        this.headerNote = headerNote;
        this.checksum = checksum;
        this.loadedAt = loadedAt;
    }

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    String getChecksum() {
        return checksum;
    }

    Part addPart(int partNumber, String partTitle) {
        Part part = new Part(this, partNumber, partTitle);
        parts.add(part);
        return part;
    }

    QuestionnaireDefinition toDefinition() {
        return new QuestionnaireDefinition(id, code, number, title, headerNote,
                parts.stream().map(Part::toDefinition).toList());
    }

    @Entity
    @Table(name = "questionnaire_part")
    static class Part {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        private Long id;

        @ManyToOne(optional = false)
        @JoinColumn(name = "version_id")
        private QuestionnaireVersion version;

        private int number;

        private String title;

        @OneToMany(mappedBy = "part", cascade = CascadeType.ALL, orphanRemoval = true)
        @OrderBy("number")
        private List<Section> sections = new ArrayList<>();

        protected Part() {
        }

        Part(QuestionnaireVersion version, int number, String title) {
            this.version = version;
            this.number = number;
            this.title = title;
        }

        Section addSection(int sectionNumber, String sectionTitle, boolean hasAnnotations, String textFieldLabel) {
            Section section = new Section(this, sectionNumber, sectionTitle, hasAnnotations, textFieldLabel);
            sections.add(section);
            return section;
        }

        QuestionnaireDefinition.PartDefinition toDefinition() {
            return new QuestionnaireDefinition.PartDefinition(number, title,
                    sections.stream().map(s -> s.toDefinition(number)).toList());
        }
    }

    @Entity
    @Table(name = "questionnaire_section")
    static class Section {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        private Long id;

        @ManyToOne(optional = false)
        @JoinColumn(name = "part_id")
        private Part part;

        private int number;

        private String title;

        @Column(name = "has_annotations")
        private boolean hasAnnotations;

        @Column(name = "text_field_label")
        private String textFieldLabel;

        @OneToMany(mappedBy = "section", cascade = CascadeType.ALL, orphanRemoval = true)
        @OrderBy("position")
        private List<Question> questions = new ArrayList<>();

        protected Section() {
        }

        Section(Part part, int number, String title, boolean hasAnnotations, String textFieldLabel) {
            this.part = part;
            this.number = number;
            this.title = title;
            this.hasAnnotations = hasAnnotations;
            this.textFieldLabel = textFieldLabel;
        }

        Question addQuestion(String code, String text, AnswerKind kind, String examplesLabel, String listLabel,
                boolean listFirst, boolean choiceRequired) {
            Question question = new Question(this, questions.size() + 1, code, text, kind, examplesLabel, listLabel,
                    listFirst, choiceRequired);
            questions.add(question);
            return question;
        }

        QuestionnaireDefinition.SectionDefinition toDefinition(int partNumber) {
            return new QuestionnaireDefinition.SectionDefinition(id, number, title, partNumber, hasAnnotations,
                    textFieldLabel, questions.stream().map(Question::toDefinition).toList());
        }
    }

    @Entity
    @Table(name = "questionnaire_question")
    static class Question {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        private Long id;

        @ManyToOne(optional = false)
        @JoinColumn(name = "section_id")
        private Section section;

        private int position;

        private String code;

        private String text;

        @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
        private AnswerKind kind;

        @Column(name = "examples_label")
        private String examplesLabel;

        @Column(name = "list_label")
        private String listLabel;

        @Column(name = "list_first")
        private boolean listFirst;

        @Column(name = "choice_required")
        private boolean choiceRequired = true;

        @OneToMany(mappedBy = "question", cascade = CascadeType.ALL, orphanRemoval = true)
        @OrderBy("position")
        private List<Option> options = new ArrayList<>();

        protected Question() {
        }

        Question(Section section, int position, String code, String text, AnswerKind kind, String examplesLabel,
                String listLabel, boolean listFirst, boolean choiceRequired) {
            this.listFirst = listFirst;
            this.choiceRequired = choiceRequired;
            this.section = section;
            this.position = position;
            this.code = code;
            this.text = text;
            this.kind = kind;
            this.examplesLabel = examplesLabel;
            this.listLabel = listLabel;
        }

        void addOption(String optionCode, String label) {
            options.add(new Option(this, options.size() + 1, optionCode, label));
        }

        QuestionnaireDefinition.QuestionDefinition toDefinition() {
            return new QuestionnaireDefinition.QuestionDefinition(id, code, text, kind, examplesLabel, listLabel,
                    listFirst, choiceRequired, options.stream().map(o -> new QuestionnaireDefinition.OptionDefinition(o.code, o.label)).toList());
        }
    }

    @Entity
    @Table(name = "questionnaire_option")
    static class Option {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        private Long id;

        @ManyToOne(optional = false)
        @JoinColumn(name = "question_id")
        private Question question;

        private int position;

        private String code;

        private String label;

        protected Option() {
        }

        Option(Question question, int position, String code, String label) {
            this.question = question;
            this.position = position;
            this.code = code;
            this.label = label;
        }
    }
}
