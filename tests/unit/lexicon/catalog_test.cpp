// Profiles found by declared name or file name, user profiles before embedded ones, `extends`
// with its changes (weights, new sections, drops), unknown parents and cycles at file:line:col,
// user concepts that replace embedded ones, and the engine loading all of it from --lexicon.
#include "lexicon/catalog.h"

#include <boost/test/unit_test.hpp>

#include "lexicon/dump.h"
#include "lexicon/embedded.h"
#include "lexicon/engine.h"
#include "lexicon/hint.h"
#include "test_helpers.h"

using jobmatch::Diagnostic;
using jobmatch::Engine;
using jobmatch::EngineOptions;
using jobmatch::format_diagnostic;
using jobmatch::Lexicon;
using jobmatch::Profile;
using jobmatch::ProfileCatalog;
using jobmatch::ProfileFile;
using jobmatch::SourceFile;
using jobmatch::test::TempDir;

namespace {

const Lexicon& test_lexicon() { return jobmatch::test::three_concept_lexicon(); }

const std::string kBase =
    "profile base\n  label Base\n  must a.one | a.two\n"
    "section s1\n  weight 3\n  a.one 2\n  a.two 1\n"
    "section s2\n  b.three 1\n"
    "title\n  weight 5\n  a.one 1\n";

// The diagnostics of a parse that failed, "" for one that did not (for failure messages).
template <typename T>
std::string why(const jobmatch::Expected<T>& e) {
  std::string out;
  if (!e.ok())
    for (const Diagnostic& d : e.error().diagnostics) out += format_diagnostic(d);
  return out;
}

std::string shown(const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const Diagnostic& d : diags) out += format_diagnostic(d);
  return out;
}

bool has_diag(const std::vector<Diagnostic>& diags, const std::string& file, size_t line, size_t col,
              const std::string& message) {
  for (const Diagnostic& d : diags)
    if (d.file == file && d.line == line && d.col == col && d.message == message) return true;
  return false;
}

// The embedded-like layer holds base.profile; the user's files follow.
struct Catalog {
  std::vector<SourceFile> files;
  std::unique_ptr<ProfileCatalog> catalog;
  Catalog(std::initializer_list<SourceFile> user) {
    files.push_back(SourceFile{"<embedded>/base.profile", kBase});
    files.insert(files.end(), user.begin(), user.end());
    catalog = std::make_unique<ProfileCatalog>(files, 1, test_lexicon());
  }
  jobmatch::Expected<Profile> parse(const std::string& name) {
    const ProfileFile* f = catalog->find(name);
    BOOST_TEST_REQUIRE(f != nullptr, name);
    return catalog->parse(*f);
  }
};

double weight_of(const Profile& p, const std::string& section, size_t concept_index) {
  for (const auto& s : p.sections)
    if (s.name == section)
      for (const auto& pc : s.concepts)
        if (pc.concept_index == concept_index) return pc.weight;
  return -1;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(catalog)

BOOST_AUTO_TEST_CASE(finds_by_declared_name_then_file_name_the_users_first) {
  Catalog c({{"u/mine.profile", "profile declared\nsection s\n  a.one 1\n"},
             {"u/base.profile", "profile other\nsection s\n  a.two 1\n"}});
  BOOST_TEST(c.catalog->find("declared")->file.name == "u/mine.profile");
  BOOST_TEST(c.catalog->find("mine")->file.name == "u/mine.profile");
  // "base" is the embedded one's declared name: a declared name wins over the user's file name.
  BOOST_TEST(c.catalog->find("base")->file.name == "<embedded>/base.profile");
  BOOST_TEST(c.catalog->find("nobody") == nullptr);
  Catalog nameless({{"u/.profile", "section s\n  a.one 1\n"}});  // no `profile NAME`, an empty stem
  BOOST_TEST(nameless.catalog->find("") == nullptr);
  const std::vector<std::string> names = c.catalog->names();
  BOOST_TEST((names == std::vector<std::string>{"base", "declared", "mine", "other"}));
  BOOST_TEST(c.catalog->unknown("declard") ==
             "no profile named 'declard' (did you mean 'declared'? available: base, declared, mine, other)");
  BOOST_TEST(c.catalog->unknown("zzz", " for this role") ==
             "no profile named 'zzz' for this role (available: base, declared, mine, other)");
}

BOOST_AUTO_TEST_CASE(a_users_profile_with_an_embedded_name_hides_it_and_may_extend_it) {
  Catalog c({{"u/base.profile", "profile base\n  extends base\n  penalty 0.5\n"}});
  BOOST_TEST(c.catalog->find("base")->file.name == "u/base.profile");
  BOOST_TEST_REQUIRE(c.catalog->overrides().size() == 1u);
  BOOST_TEST(c.catalog->overrides()[0].second->file.name == "<embedded>/base.profile");
  const auto p = c.parse("base");
  BOOST_TEST_REQUIRE(p.ok(), why(p));
  BOOST_TEST(p->penalty == 0.5);
  BOOST_TEST(p->sections.size() == 2u);  // the embedded one's, inherited
  const auto sources = c.catalog->sources(c.catalog->find("base")->file);
  BOOST_TEST_REQUIRE(sources.size() == 2u);
  BOOST_TEST(sources[1]->name == "<embedded>/base.profile");
}

BOOST_AUTO_TEST_CASE(extends_inherits_and_changes_weights_sections_title_and_must_haves) {
  Catalog c({{"u/child.profile",
              "profile child\n"
              "  extends base\n"
              "  label Child\n"
              "  drop a.two\n"
              "section s1\n"
              "  a.one 7\n"           // the parent's concept, same section: a new weight
              "section s3\n"
              "  weight 2\n"
              "  a.two 4 must\n"      // dropped from s1, placed anew
              "title\n"
              "  a.one 0.5\n"
              "  b.three 0.25\n"}});
  const auto p = c.parse("child");
  BOOST_TEST_REQUIRE(p.ok(), why(p));
  BOOST_TEST(p->name == "child");
  BOOST_TEST(p->label == "Child");
  BOOST_TEST_REQUIRE(p->sections.size() == 3u);
  BOOST_TEST(weight_of(*p, "s1", 0) == 7);
  BOOST_TEST(weight_of(*p, "s1", 1) == -1);
  BOOST_TEST(weight_of(*p, "s3", 1) == 4);
  BOOST_TEST(p->sections[0].weight == 3);  // inherited
  BOOST_TEST(p->sections[2].weight == 2);
  // must a.one | a.two lost a.two by the drop; `a.two 4 must` is a must-have of its own.
  BOOST_TEST_REQUIRE(p->musts.size() == 2u);
  BOOST_TEST((p->musts[0] == std::vector<size_t>{0}));
  BOOST_TEST((p->musts[1] == std::vector<size_t>{1}));
  BOOST_TEST(p->title.weight == 5);
  BOOST_TEST_REQUIRE(p->title.concepts.size() == 2u);
  BOOST_TEST(p->title.concepts[0].second == 0.5);
  BOOST_TEST(p->title.concepts[1].first == 2u);
  // The parent is unchanged.
  const auto base = c.parse("base");
  BOOST_TEST(weight_of(*base, "s1", 0) == 2);
}

BOOST_AUTO_TEST_CASE(drop_section_and_what_drop_and_extends_refuse) {
  Catalog ok({{"u/c.profile", "profile c\n  extends base\n  drop section s2\n"}});
  const auto p = ok.parse("c");
  BOOST_TEST_REQUIRE(p.ok(), why(p));
  BOOST_TEST(p->sections.size() == 1u);

  Catalog bad({{"u/c.profile",
                "profile c\n  extends base\n  drop section s22\n  drop a.too\n  drop b.three\n  drop b.three\n"
                "section s1\n  b.three 1\n  drop a.one\n  extends base\n"}});
  const auto e = bad.parse("c");
  BOOST_TEST_REQUIRE(!e.ok());
  const auto& d = e.error().diagnostics;
  BOOST_TEST(has_diag(d, "u/c.profile", 3, 16, "no section 's22' to drop (did you mean 's2'?)"), shown(d));
  BOOST_TEST(has_diag(d, "u/c.profile", 4, 8, "unknown concept 'a.too' (not in the lexicon; did you mean 'a.two'?)"), shown(d));
  BOOST_TEST(has_diag(d, "u/c.profile", 6, 8, "concept 'b.three' is not in the profile 'base'"), shown(d));
  BOOST_TEST(has_diag(d, "u/c.profile", 9, 3, "'drop' belongs to the profile, before any section"), shown(d));
  BOOST_TEST(has_diag(d, "u/c.profile", 10, 3, "'extends' stands right after the 'profile' line"), shown(d));

  Catalog emptied({{"u/c.profile", "profile c\n  extends base\n  drop b.three\n"}});
  const auto left = emptied.parse("c");
  BOOST_TEST_REQUIRE(!left.ok());
  BOOST_TEST(has_diag(left.error().diagnostics, "u/c.profile", 2, 3,
                      "section 's2' has no concepts left ('drop section s2')"), shown(left.error().diagnostics));

  Catalog moved({{"u/c.profile", "profile c\n  extends base\nsection s2\n  a.one 1\n"}});
  const auto m = moved.parse("c");
  BOOST_TEST_REQUIRE(!m.ok());
  BOOST_TEST(has_diag(m.error().diagnostics, "u/c.profile", 4, 3, "concept 'a.one' already stands in section 's1'"));
}

BOOST_AUTO_TEST_CASE(unknown_parents_and_cycles_are_errors_at_the_extends_line) {
  Catalog c({{"u/a.profile", "profile a\n  extends b\n"},
             {"u/b.profile", "profile b\n  extends a\n"},
             {"u/self.profile", "profile self\n  extends self\n"},
             {"u/typo.profile", "profile typo\n  extends basee\n"}});
  const auto a = c.parse("a");
  BOOST_TEST_REQUIRE(!a.ok());
  BOOST_TEST(has_diag(a.error().diagnostics, "u/b.profile", 2, 11, "'extends a' makes a cycle: a extends b extends a"),
             shown(a.error().diagnostics));
  const auto self = c.parse("self");
  BOOST_TEST_REQUIRE(!self.ok());
  // A profile never extends itself: the name is looked for among the others, and there is none.
  BOOST_TEST(self.error().diagnostics.at(0).message.starts_with("no profile named 'self' to extend"));
  const auto typo = c.parse("typo");
  BOOST_TEST_REQUIRE(!typo.ok());
  BOOST_TEST(has_diag(typo.error().diagnostics, "u/typo.profile", 2, 11,
                      "no profile named 'basee' to extend (did you mean 'base'? available: a, b, base, self, typo)"),
             shown(typo.error().diagnostics));
  // Without a catalog, extends has nothing to extend.
  Profile p;
  const auto alone = jobmatch::parse_profile(SourceFile{"x.profile", "profile x\n  extends base\n"}, test_lexicon(), &p);
  BOOST_TEST_REQUIRE(!alone.ok());
  BOOST_TEST(alone.error().diagnostics[0].message == "no other profile is loaded to extend");
}

BOOST_AUTO_TEST_CASE(two_user_profiles_with_one_name_and_unknown_roles_are_errors) {
  Catalog c({{"u/one.profile", "profile same\nsection s\n  a.one 1\n"},
             {"u/two.profile", "profile same\nsection s\n  a.one 1\n"},
             {"u/r.profile", "profile r\n  roles bse\nsection s\n  a.one 1\n"}});
  const auto dups = c.catalog->duplicates();
  BOOST_TEST_REQUIRE(dups.size() == 1u);
  BOOST_TEST(dups[0].file == "u/two.profile");
  BOOST_TEST(dups[0].message == "duplicate profile name 'same' (first declared in u/one.profile)");
  const auto r = c.parse("r");
  BOOST_TEST_REQUIRE(r.ok());
  const auto roles = c.catalog->check_roles(*r);
  BOOST_TEST_REQUIRE(!roles.ok());
  BOOST_TEST(has_diag(roles.error().diagnostics, "u/r.profile", 2, 9,
                      "no profile named 'bse' for this role (did you mean 'base'? available: base, one, r, same, two)"),
             shown(roles.error().diagnostics));
}

BOOST_AUTO_TEST_CASE(did_you_mean_takes_close_names_only) {
  BOOST_TEST(jobmatch::did_you_mean("skill.pyton", {"skill.python", "skill.r"}) == "did you mean 'skill.python'?");
  BOOST_TEST(jobmatch::did_you_mean("sektion", {"section", "label"}) == "did you mean 'section'?");
  BOOST_TEST(jobmatch::did_you_mean("ex", {"en", "de"}).empty());  // too short to be a typo
  BOOST_TEST(jobmatch::did_you_mean("colour", {"label", "penalty"}).empty());
  BOOST_TEST(jobmatch::edit_distance("kitten", "sitting") == 3u);
}

BOOST_AUTO_TEST_CASE(embedded_profile_names_are_the_shipped_profiles) {
  BOOST_TEST((jobmatch::embedded_profile_names() ==
              std::vector<std::string>{"data-engineer", "data-scientist", "ml-engineer", "software-engineer"}));
}

// The engine with --lexicon adds to the embedded files: a user's profile extends an embedded
// one with a concept of the user's, found by its declared name; a user concept replaces an
// embedded one in place.
BOOST_AUTO_TEST_CASE(engine_adds_the_users_files_to_the_embedded_ones) {
  const TempDir dir;
  dir.write("mine.lex", "concept data.streaming\n  label Streaming\n  origin extension\n  en stream processing\n"
                        "concept skill.python\n  label Python (mine)\n  origin article\n  en python\n");
  dir.write("mine.profile", "profile streaming-de\n  extends data-engineer\nsection streams\n  data.streaming 1\n");
  auto added = Engine::load(EngineOptions{dir.path.string(), "streaming-de", true});
  BOOST_TEST_REQUIRE(added.ok(), why(added));
  const Engine& e = **added;
  BOOST_TEST(e.profile().name == "streaming-de");
  BOOST_TEST(e.profile().label == "Data Engineer");
  BOOST_TEST(e.source() == "embedded + " + dir.path.string());
  const Engine& shipped = jobmatch::test::shipped_engine();
  BOOST_TEST(e.lexicon().concepts.size() == shipped.lexicon().concepts.size() + 1);
  const size_t python = shipped.lexicon().by_id.at("skill.python");
  BOOST_TEST(e.lexicon().by_id.at("skill.python") == python);  // replaced in place
  BOOST_TEST(e.lexicon().concepts[python].label == "Python (mine)");
  BOOST_TEST(e.hash() != shipped.hash());
  // By file name too; the old behaviour (the user's files alone) has no data-engineer to extend.
  BOOST_TEST(Engine::load(EngineOptions{dir.path.string(), "mine", true}).ok());
  const auto alone = Engine::load(EngineOptions{dir.path.string(), "streaming-de", false});
  BOOST_TEST_REQUIRE(!alone.ok());
  BOOST_TEST(alone.error().message.starts_with("no profile named 'data-engineer' to extend"));
  // An unknown profile is the command line's error (no file), with a hint.
  const auto typo = Engine::load(EngineOptions{dir.path.string(), "streaming-d", true});
  BOOST_TEST_REQUIRE(!typo.ok());
  BOOST_TEST(typo.error().diagnostics.at(0).file == "");
  BOOST_TEST(format_diagnostic(typo.error().diagnostics[0]).starts_with(
      "jobmatch: error: no profile named 'streaming-d' (did you mean 'streaming-de'? available: "));
}

BOOST_AUTO_TEST_CASE(dump_writes_the_embedded_files_and_refuses_to_overwrite) {
  const TempDir dir;
  const std::string out = dir / "lex";
  const auto written = jobmatch::dump_embedded_files(out, false);
  BOOST_TEST_REQUIRE(written.ok());
  BOOST_TEST(written->size() == jobmatch::embedded_lexicon_files().size());
  for (const auto& f : jobmatch::embedded_lexicon_files())
    BOOST_TEST(dir.read("lex/" + std::string(f.name)) == f.data);
  dir.write("lex/article.lex", "changed");
  const auto again = jobmatch::dump_embedded_files(out, false);
  BOOST_TEST_REQUIRE(!again.ok());
  BOOST_TEST(again.error().message == out + "/article.lex exists (--force replaces it); nothing written");
  BOOST_TEST(dir.read("lex/article.lex") == "changed");
  BOOST_TEST_REQUIRE(jobmatch::dump_embedded_files(out, true).ok());
  BOOST_TEST(dir.read("lex/article.lex") == jobmatch::embedded_lexicon_files()[0].data);
  // The dumped files alone load as the embedded ones do: the same hash.
  const auto loaded = Engine::load(EngineOptions{out, "", false});
  BOOST_TEST_REQUIRE(loaded.ok());
  BOOST_TEST((*loaded)->hash() == jobmatch::test::shipped_engine().hash());
}

BOOST_AUTO_TEST_SUITE_END()
