PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
INSERT INTO meta VALUES('first_year','2023');
INSERT INTO meta VALUES('last_year','2025');
CREATE TABLE cost_centres (
    code        TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 60),
    name        TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    actor       TEXT NOT NULL,
    source      TEXT NOT NULL
) STRICT;
INSERT INTO cost_centres VALUES('CC-000001','Budget line 1','2023-08-15T09:00:00Z','Loader','pack/organisation.csv line 2');
INSERT INTO cost_centres VALUES('CC-000002','Budget line 2','2023-08-15T09:00:00Z','Loader','pack/organisation.csv line 3');
INSERT INTO cost_centres VALUES('CC-000003','Budget line 3','2023-08-15T09:00:00Z','Loader','pack/organisation.csv line 4');
INSERT INTO cost_centres VALUES('CC-000004','Budget line 4','2023-08-15T09:00:00Z','Loader','pack/organisation.csv line 5');
INSERT INTO cost_centres VALUES('CC-000005','Budget line 5','2023-08-15T09:00:00Z','Loader','pack/organisation.csv line 6');
INSERT INTO cost_centres VALUES('CC-000006','Budget line 6','2023-08-15T09:00:00Z','Loader','pack/organisation.csv line 7');
INSERT INTO cost_centres VALUES('CC-000007','Budget line 7','2023-08-15T09:00:00Z','Loader','pack/organisation.csv line 8');
INSERT INTO cost_centres VALUES('CC-000008','Budget line 8','2023-08-15T09:00:00Z','Loader','pack/organisation.csv line 9');
INSERT INTO cost_centres VALUES('CC-000009','Budget line 9','2023-08-15T09:00:00Z','Loader','pack/organisation.csv line 10');
INSERT INTO cost_centres VALUES('CC-000010','Budget line 10','2023-08-15T09:00:00Z','Loader','pack/organisation.csv line 11');
INSERT INTO cost_centres VALUES('CC-000011','Budget line 11','2023-08-15T09:00:00Z','Loader','pack/organisation.csv line 12');
INSERT INTO cost_centres VALUES('CC-000012','Budget line 12','2023-08-15T09:00:00Z','Loader','pack/organisation.csv line 13');
CREATE TABLE assignments (
    id            INTEGER PRIMARY KEY,
    cost_centre   TEXT NOT NULL REFERENCES cost_centres(code),
    effective     TEXT NOT NULL CHECK (effective GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    service       TEXT NOT NULL,
    directorate   TEXT NOT NULL,
    budget_holder TEXT NOT NULL,
    model         TEXT NOT NULL CHECK (model IN ('devolved', 'hub')),
    reason        TEXT NOT NULL,
    recorded_at   TEXT NOT NULL,
    actor         TEXT NOT NULL,
    source        TEXT NOT NULL,
    UNIQUE (cost_centre, effective)
) STRICT;
INSERT INTO assignments VALUES(1,'CC-000001','2023-04-01','Social Care 1','People','Leo Nair 1','devolved','operating model at the start of the MTFS','2023-08-15T09:00:00Z','Loader','pack/organisation.csv line 2');
INSERT INTO assignments VALUES(2,'CC-000002','2023-04-01','Business Support Hub','Resources','Ines Kowalski 2','hub','operating model at the start of the MTFS','2023-08-15T09:00:00Z','Loader','pack/organisation.csv line 3');
INSERT INTO assignments VALUES(3,'CC-000003','2023-04-01','Social Care 1','People','Leo Nair 1','devolved','operating model at the start of the MTFS','2023-08-15T09:00:00Z','Loader','pack/organisation.csv line 4');
INSERT INTO assignments VALUES(4,'CC-000004','2023-04-01','Business Support Hub','Resources','Ines Kowalski 2','hub','operating model at the start of the MTFS','2023-08-15T09:00:00Z','Loader','pack/organisation.csv line 5');
INSERT INTO assignments VALUES(5,'CC-000005','2023-04-01','Social Care 1','People','Leo Nair 1','devolved','operating model at the start of the MTFS','2023-08-15T09:00:00Z','Loader','pack/organisation.csv line 6');
INSERT INTO assignments VALUES(6,'CC-000006','2023-04-01','Business Support Hub','Resources','Ines Kowalski 2','hub','operating model at the start of the MTFS','2023-08-15T09:00:00Z','Loader','pack/organisation.csv line 7');
INSERT INTO assignments VALUES(7,'CC-000007','2023-04-01','Social Care 1','People','Leo Nair 1','devolved','operating model at the start of the MTFS','2023-08-15T09:00:00Z','Loader','pack/organisation.csv line 8');
INSERT INTO assignments VALUES(8,'CC-000008','2023-04-01','Business Support Hub','Resources','Ines Kowalski 2','hub','operating model at the start of the MTFS','2023-08-15T09:00:00Z','Loader','pack/organisation.csv line 9');
INSERT INTO assignments VALUES(9,'CC-000009','2023-04-01','Social Care 1','People','Leo Nair 1','devolved','operating model at the start of the MTFS','2023-08-15T09:00:00Z','Loader','pack/organisation.csv line 10');
INSERT INTO assignments VALUES(10,'CC-000010','2023-04-01','Business Support Hub','Resources','Ines Kowalski 2','hub','operating model at the start of the MTFS','2023-08-15T09:00:00Z','Loader','pack/organisation.csv line 11');
INSERT INTO assignments VALUES(11,'CC-000011','2023-04-01','Social Care 1','People','Leo Nair 1','devolved','operating model at the start of the MTFS','2023-08-15T09:00:00Z','Loader','pack/organisation.csv line 12');
INSERT INTO assignments VALUES(12,'CC-000012','2023-04-01','Business Support Hub','Resources','Ines Kowalski 2','hub','operating model at the start of the MTFS','2023-08-15T09:00:00Z','Loader','pack/organisation.csv line 13');
INSERT INTO assignments VALUES(13,'CC-000002','2023-08-01','Business Support Hub','Resources','New Holder','hub','moved','2023-08-15T09:00:00Z','root','command line: mtfs restructure CC-000002 --effective 2023-08-01 --holder ''New Holder'' --reason moved');
CREATE TABLE baselines (
    cost_centre TEXT NOT NULL REFERENCES cost_centres(code),
    year        INTEGER NOT NULL,
    net_budget  INTEGER NOT NULL,
    recorded_at TEXT NOT NULL,
    actor       TEXT NOT NULL,
    source      TEXT NOT NULL,
    PRIMARY KEY (cost_centre, year)
) STRICT;
INSERT INTO baselines VALUES('CC-000001',2023,199000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 2');
INSERT INTO baselines VALUES('CC-000001',2024,375250000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 3');
INSERT INTO baselines VALUES('CC-000001',2025,534250000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 4');
INSERT INTO baselines VALUES('CC-000002',2023,25000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 5');
INSERT INTO baselines VALUES('CC-000002',2024,25000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 6');
INSERT INTO baselines VALUES('CC-000002',2025,25000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 7');
INSERT INTO baselines VALUES('CC-000003',2023,121750000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 8');
INSERT INTO baselines VALUES('CC-000003',2024,280000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 9');
INSERT INTO baselines VALUES('CC-000003',2025,403000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 10');
INSERT INTO baselines VALUES('CC-000004',2023,25000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 11');
INSERT INTO baselines VALUES('CC-000004',2024,25000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 12');
INSERT INTO baselines VALUES('CC-000004',2025,25000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 13');
INSERT INTO baselines VALUES('CC-000005',2023,148000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 14');
INSERT INTO baselines VALUES('CC-000005',2024,262000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 15');
INSERT INTO baselines VALUES('CC-000005',2025,376000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 16');
INSERT INTO baselines VALUES('CC-000006',2023,25000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 17');
INSERT INTO baselines VALUES('CC-000006',2024,25000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 18');
INSERT INTO baselines VALUES('CC-000006',2025,25000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 19');
INSERT INTO baselines VALUES('CC-000007',2023,158500000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 20');
INSERT INTO baselines VALUES('CC-000007',2024,273250000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 21');
INSERT INTO baselines VALUES('CC-000007',2025,409000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 22');
INSERT INTO baselines VALUES('CC-000008',2023,25000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 23');
INSERT INTO baselines VALUES('CC-000008',2024,25000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 24');
INSERT INTO baselines VALUES('CC-000008',2025,25000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 25');
INSERT INTO baselines VALUES('CC-000009',2023,112750000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 26');
INSERT INTO baselines VALUES('CC-000009',2024,226000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 27');
INSERT INTO baselines VALUES('CC-000009',2025,322000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 28');
INSERT INTO baselines VALUES('CC-000010',2023,25000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 29');
INSERT INTO baselines VALUES('CC-000010',2024,25000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 30');
INSERT INTO baselines VALUES('CC-000010',2025,25000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 31');
INSERT INTO baselines VALUES('CC-000011',2023,157750000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 32');
INSERT INTO baselines VALUES('CC-000011',2024,307750000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 33');
INSERT INTO baselines VALUES('CC-000011',2025,452500000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 34');
INSERT INTO baselines VALUES('CC-000012',2023,25000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 35');
INSERT INTO baselines VALUES('CC-000012',2024,25000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 36');
INSERT INTO baselines VALUES('CC-000012',2025,25000000,'2023-08-15T09:00:00Z','Loader','pack/baselines.csv line 37');
CREATE TABLE proposals (
    ref            TEXT PRIMARY KEY,
    title          TEXT NOT NULL,
    directorate    TEXT NOT NULL,
    owner          TEXT NOT NULL,
    category       TEXT NOT NULL,
    recurrence     TEXT NOT NULL CHECK (recurrence IN ('ongoing', 'one-off')),
    delivery_start INTEGER,
    replaces       TEXT REFERENCES proposals(ref),
    recorded_at    TEXT NOT NULL,
    actor          TEXT NOT NULL,
    source         TEXT NOT NULL
) STRICT;
INSERT INTO proposals VALUES('SP-000001','Reprocure energy contracts (pilot 1)','People','Leo Nair 1','commissioning','ongoing',NULL,NULL,'2023-08-15T09:00:00Z','Loader','pack/proposals.csv line 2');
INSERT INTO proposals VALUES('SP-000002','Recommission mailroom (borough-wide 2)','People','Leo Nair 1','commissioning','ongoing',NULL,NULL,'2023-08-15T09:00:00Z','Loader','pack/proposals.csv line 3');
INSERT INTO proposals VALUES('SP-000003','Consolidate mailroom (partnership 3)','People','Leo Nair 1','commissioning','ongoing',NULL,NULL,'2023-08-15T09:00:00Z','Loader','pack/proposals.csv line 4');
INSERT INTO proposals VALUES('SP-000004','Centralise software licences (north 4)','People','Leo Nair 1','commissioning','ongoing',NULL,NULL,'2023-08-15T09:00:00Z','Loader','pack/proposals.csv line 5');
INSERT INTO proposals VALUES('SP-000005','Restructure home care (partnership 5)','People','Leo Nair 1','commissioning','ongoing',NULL,NULL,'2023-08-15T09:00:00Z','Loader','pack/proposals.csv line 6');
INSERT INTO proposals VALUES('SP-000006','Outsource libraries (prevention 6)','People','Leo Nair 1','commissioning','ongoing',NULL,NULL,'2023-08-15T09:00:00Z','Loader','pack/proposals.csv line 7');
INSERT INTO proposals VALUES('SP-000007','Redesign school transport (commercial 7)','People','Leo Nair 1','commissioning','ongoing',NULL,NULL,'2023-08-15T09:00:00Z','Loader','pack/proposals.csv line 8');
INSERT INTO proposals VALUES('SP-000008','Integrate energy contracts (north 8)','People','Leo Nair 1','demand management','ongoing',NULL,NULL,'2023-08-15T09:00:00Z','Loader','pack/proposals.csv line 9');
INSERT INTO proposals VALUES('SP-000009','Consolidate reablement (phase 2 9)','People','Leo Nair 1','income','ongoing',202302,NULL,'2023-08-15T09:00:00Z','Loader','pack/proposals.csv line 10');
INSERT INTO proposals VALUES('SP-000010','Insource procurement (shared service 10)','People','Leo Nair 1','commissioning','ongoing',NULL,NULL,'2023-08-15T09:00:00Z','Loader','pack/proposals.csv line 11');
INSERT INTO proposals VALUES('SP-000011','Reprocure building control (east 11)','People','Leo Nair 1','efficiency','ongoing',NULL,NULL,'2023-08-15T09:00:00Z','Loader','pack/proposals.csv line 12');
INSERT INTO proposals VALUES('SP-000012','Insource respite care (phase 2 12)','People','Leo Nair 1','efficiency','ongoing',NULL,NULL,'2023-08-15T09:00:00Z','Loader','pack/proposals.csv line 13');
INSERT INTO proposals VALUES('SP-000013','Renegotiate facilities management (income 13)','People','Leo Nair 1','demand management','ongoing',NULL,NULL,'2023-08-15T09:00:00Z','Loader','pack/proposals.csv line 14');
INSERT INTO proposals VALUES('SP-000014','Rationalise home care (invest to save 14)','People','Leo Nair 1','commissioning','ongoing',NULL,NULL,'2023-08-15T09:00:00Z','Loader','pack/proposals.csv line 15');
INSERT INTO proposals VALUES('SP-000015','Streamline youth services (demand led 15)','People','Leo Nair 1','demand management','ongoing',NULL,NULL,'2023-08-15T09:00:00Z','Loader','pack/proposals.csv line 16');
INSERT INTO proposals VALUES('SP-000016','Automate building control (framework 16)','People','Leo Nair 1','efficiency','ongoing',NULL,NULL,'2023-08-15T09:00:00Z','Loader','pack/proposals.csv line 17');
INSERT INTO proposals VALUES('SP-000017','Rationalise parking enforcement (income 17)','People','Leo Nair 1','efficiency','ongoing',NULL,NULL,'2023-08-15T09:00:00Z','Loader','pack/proposals.csv line 18');
INSERT INTO proposals VALUES('SP-000018','Streamline pest control (framework 18)','People','Leo Nair 1','demand management','ongoing',NULL,NULL,'2023-08-15T09:00:00Z','Loader','pack/proposals.csv line 19');
INSERT INTO proposals VALUES('SP-000019','Centralise printing (partnership 19)','People','Leo Nair 1','income','ongoing',NULL,NULL,'2023-08-15T09:00:00Z','Loader','pack/proposals.csv line 20');
INSERT INTO proposals VALUES('SP-000020','Restructure energy contracts (central 20)','People','Leo Nair 1','demand management','ongoing',NULL,NULL,'2023-08-15T09:00:00Z','Loader','pack/proposals.csv line 21');
INSERT INTO proposals VALUES('SP-000021','Relocate supported living (invest to save 21)','People','Leo Nair 1','income','ongoing',NULL,NULL,'2023-08-15T09:00:00Z','Loader','pack/proposals.csv line 22');
INSERT INTO proposals VALUES('SP-000022','Streamline payroll (central 22)','People','Leo Nair 1','demand management','ongoing',NULL,NULL,'2023-08-15T09:00:00Z','Loader','pack/proposals.csv line 23');
INSERT INTO proposals VALUES('SP-000023','Restructure reablement (shared service 23)','People','Leo Nair 1','demand management','ongoing',NULL,NULL,'2023-08-15T09:00:00Z','Loader','pack/proposals.csv line 24');
INSERT INTO proposals VALUES('SP-000024','Relocate reablement (west 24)','People','Leo Nair 1','efficiency','ongoing',NULL,NULL,'2023-08-15T09:00:00Z','Loader','pack/proposals.csv line 25');
CREATE TABLE proposal_cost_centres (
    ref          TEXT NOT NULL REFERENCES proposals(ref),
    position     INTEGER NOT NULL,
    cost_centre  TEXT NOT NULL REFERENCES cost_centres(code),
    basis_points INTEGER CHECK (basis_points BETWEEN 1 AND 10000),
    PRIMARY KEY (ref, cost_centre),
    UNIQUE (ref, position)
) STRICT;
INSERT INTO proposal_cost_centres VALUES('SP-000001',0,'CC-000007',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000001',1,'CC-000009',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000002',0,'CC-000011',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000002',1,'CC-000001',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000002',2,'CC-000007',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000003',0,'CC-000007',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000004',0,'CC-000003',5000);
INSERT INTO proposal_cost_centres VALUES('SP-000004',1,'CC-000001',2500);
INSERT INTO proposal_cost_centres VALUES('SP-000004',2,'CC-000005',2500);
INSERT INTO proposal_cost_centres VALUES('SP-000005',0,'CC-000003',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000005',1,'CC-000001',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000006',0,'CC-000005',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000006',1,'CC-000007',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000006',2,'CC-000001',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000007',0,'CC-000011',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000008',0,'CC-000003',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000008',1,'CC-000011',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000009',0,'CC-000007',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000009',1,'CC-000009',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000010',0,'CC-000011',5000);
INSERT INTO proposal_cost_centres VALUES('SP-000010',1,'CC-000005',5000);
INSERT INTO proposal_cost_centres VALUES('SP-000011',0,'CC-000011',5000);
INSERT INTO proposal_cost_centres VALUES('SP-000011',1,'CC-000007',5000);
INSERT INTO proposal_cost_centres VALUES('SP-000012',0,'CC-000009',5000);
INSERT INTO proposal_cost_centres VALUES('SP-000012',1,'CC-000001',2500);
INSERT INTO proposal_cost_centres VALUES('SP-000012',2,'CC-000011',2500);
INSERT INTO proposal_cost_centres VALUES('SP-000013',0,'CC-000005',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000013',1,'CC-000009',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000014',0,'CC-000003',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000015',0,'CC-000003',5000);
INSERT INTO proposal_cost_centres VALUES('SP-000015',1,'CC-000001',2500);
INSERT INTO proposal_cost_centres VALUES('SP-000015',2,'CC-000007',2500);
INSERT INTO proposal_cost_centres VALUES('SP-000016',0,'CC-000009',5000);
INSERT INTO proposal_cost_centres VALUES('SP-000016',1,'CC-000003',5000);
INSERT INTO proposal_cost_centres VALUES('SP-000017',0,'CC-000003',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000017',1,'CC-000005',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000017',2,'CC-000001',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000018',0,'CC-000001',5000);
INSERT INTO proposal_cost_centres VALUES('SP-000018',1,'CC-000009',5000);
INSERT INTO proposal_cost_centres VALUES('SP-000019',0,'CC-000011',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000020',0,'CC-000001',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000020',1,'CC-000005',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000021',0,'CC-000009',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000021',1,'CC-000011',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000021',2,'CC-000001',NULL);
INSERT INTO proposal_cost_centres VALUES('SP-000022',0,'CC-000009',5000);
INSERT INTO proposal_cost_centres VALUES('SP-000022',1,'CC-000007',2500);
INSERT INTO proposal_cost_centres VALUES('SP-000022',2,'CC-000011',2500);
INSERT INTO proposal_cost_centres VALUES('SP-000023',0,'CC-000005',5000);
INSERT INTO proposal_cost_centres VALUES('SP-000023',1,'CC-000001',5000);
INSERT INTO proposal_cost_centres VALUES('SP-000024',0,'CC-000003',NULL);
CREATE TABLE accounts (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('requirement', 'planned', 'delivered', 'unachievable')),
    year        INTEGER NOT NULL,
    proposal    TEXT REFERENCES proposals(ref),
    cost_centre TEXT REFERENCES cost_centres(code),
    CHECK ((kind = 'requirement') = (proposal IS NULL AND cost_centre IS NULL)),
    CHECK ((proposal IS NULL) = (cost_centre IS NULL))
) STRICT;
INSERT INTO accounts VALUES(1,'requirement',2023,NULL,NULL);
INSERT INTO accounts VALUES(2,'planned',2023,'SP-000001','CC-000007');
INSERT INTO accounts VALUES(3,'planned',2023,'SP-000001','CC-000009');
INSERT INTO accounts VALUES(4,'requirement',2024,NULL,NULL);
INSERT INTO accounts VALUES(5,'planned',2024,'SP-000001','CC-000007');
INSERT INTO accounts VALUES(6,'planned',2024,'SP-000001','CC-000009');
INSERT INTO accounts VALUES(7,'requirement',2025,NULL,NULL);
INSERT INTO accounts VALUES(8,'planned',2025,'SP-000001','CC-000007');
INSERT INTO accounts VALUES(9,'planned',2025,'SP-000001','CC-000009');
INSERT INTO accounts VALUES(10,'planned',2023,'SP-000002','CC-000001');
INSERT INTO accounts VALUES(11,'planned',2023,'SP-000002','CC-000007');
INSERT INTO accounts VALUES(12,'planned',2023,'SP-000002','CC-000011');
INSERT INTO accounts VALUES(13,'planned',2024,'SP-000002','CC-000001');
INSERT INTO accounts VALUES(14,'planned',2024,'SP-000002','CC-000007');
INSERT INTO accounts VALUES(15,'planned',2024,'SP-000002','CC-000011');
INSERT INTO accounts VALUES(16,'planned',2025,'SP-000002','CC-000001');
INSERT INTO accounts VALUES(17,'planned',2025,'SP-000002','CC-000007');
INSERT INTO accounts VALUES(18,'planned',2025,'SP-000002','CC-000011');
INSERT INTO accounts VALUES(19,'planned',2023,'SP-000003','CC-000007');
INSERT INTO accounts VALUES(20,'planned',2024,'SP-000003','CC-000007');
INSERT INTO accounts VALUES(21,'planned',2025,'SP-000003','CC-000007');
INSERT INTO accounts VALUES(22,'planned',2023,'SP-000004','CC-000001');
INSERT INTO accounts VALUES(23,'planned',2023,'SP-000004','CC-000003');
INSERT INTO accounts VALUES(24,'planned',2023,'SP-000004','CC-000005');
INSERT INTO accounts VALUES(25,'planned',2024,'SP-000004','CC-000001');
INSERT INTO accounts VALUES(26,'planned',2024,'SP-000004','CC-000003');
INSERT INTO accounts VALUES(27,'planned',2024,'SP-000004','CC-000005');
INSERT INTO accounts VALUES(28,'planned',2025,'SP-000004','CC-000001');
INSERT INTO accounts VALUES(29,'planned',2025,'SP-000004','CC-000003');
INSERT INTO accounts VALUES(30,'planned',2025,'SP-000004','CC-000005');
INSERT INTO accounts VALUES(31,'planned',2023,'SP-000005','CC-000001');
INSERT INTO accounts VALUES(32,'planned',2023,'SP-000005','CC-000003');
INSERT INTO accounts VALUES(33,'planned',2024,'SP-000005','CC-000001');
INSERT INTO accounts VALUES(34,'planned',2024,'SP-000005','CC-000003');
INSERT INTO accounts VALUES(35,'planned',2025,'SP-000005','CC-000001');
INSERT INTO accounts VALUES(36,'planned',2025,'SP-000005','CC-000003');
INSERT INTO accounts VALUES(37,'planned',2023,'SP-000006','CC-000001');
INSERT INTO accounts VALUES(38,'planned',2023,'SP-000006','CC-000005');
INSERT INTO accounts VALUES(39,'planned',2023,'SP-000006','CC-000007');
INSERT INTO accounts VALUES(40,'planned',2024,'SP-000006','CC-000001');
INSERT INTO accounts VALUES(41,'planned',2024,'SP-000006','CC-000005');
INSERT INTO accounts VALUES(42,'planned',2024,'SP-000006','CC-000007');
INSERT INTO accounts VALUES(43,'planned',2025,'SP-000006','CC-000001');
INSERT INTO accounts VALUES(44,'planned',2025,'SP-000006','CC-000005');
INSERT INTO accounts VALUES(45,'planned',2025,'SP-000006','CC-000007');
INSERT INTO accounts VALUES(46,'planned',2023,'SP-000007','CC-000011');
INSERT INTO accounts VALUES(47,'planned',2024,'SP-000007','CC-000011');
INSERT INTO accounts VALUES(48,'planned',2025,'SP-000007','CC-000011');
INSERT INTO accounts VALUES(49,'planned',2023,'SP-000008','CC-000003');
INSERT INTO accounts VALUES(50,'planned',2023,'SP-000008','CC-000011');
INSERT INTO accounts VALUES(51,'planned',2024,'SP-000008','CC-000003');
INSERT INTO accounts VALUES(52,'planned',2024,'SP-000008','CC-000011');
INSERT INTO accounts VALUES(53,'planned',2025,'SP-000008','CC-000003');
INSERT INTO accounts VALUES(54,'planned',2025,'SP-000008','CC-000011');
INSERT INTO accounts VALUES(55,'planned',2023,'SP-000009','CC-000007');
INSERT INTO accounts VALUES(56,'planned',2023,'SP-000009','CC-000009');
INSERT INTO accounts VALUES(57,'planned',2024,'SP-000009','CC-000007');
INSERT INTO accounts VALUES(58,'planned',2024,'SP-000009','CC-000009');
INSERT INTO accounts VALUES(59,'planned',2025,'SP-000009','CC-000007');
INSERT INTO accounts VALUES(60,'planned',2025,'SP-000009','CC-000009');
INSERT INTO accounts VALUES(61,'planned',2023,'SP-000010','CC-000005');
INSERT INTO accounts VALUES(62,'planned',2023,'SP-000010','CC-000011');
INSERT INTO accounts VALUES(63,'planned',2024,'SP-000010','CC-000005');
INSERT INTO accounts VALUES(64,'planned',2024,'SP-000010','CC-000011');
INSERT INTO accounts VALUES(65,'planned',2025,'SP-000010','CC-000005');
INSERT INTO accounts VALUES(66,'planned',2025,'SP-000010','CC-000011');
INSERT INTO accounts VALUES(67,'planned',2023,'SP-000011','CC-000007');
INSERT INTO accounts VALUES(68,'planned',2023,'SP-000011','CC-000011');
INSERT INTO accounts VALUES(69,'planned',2024,'SP-000011','CC-000007');
INSERT INTO accounts VALUES(70,'planned',2024,'SP-000011','CC-000011');
INSERT INTO accounts VALUES(71,'planned',2025,'SP-000011','CC-000007');
INSERT INTO accounts VALUES(72,'planned',2025,'SP-000011','CC-000011');
INSERT INTO accounts VALUES(73,'planned',2023,'SP-000012','CC-000001');
INSERT INTO accounts VALUES(74,'planned',2023,'SP-000012','CC-000009');
INSERT INTO accounts VALUES(75,'planned',2023,'SP-000012','CC-000011');
INSERT INTO accounts VALUES(76,'planned',2024,'SP-000012','CC-000001');
INSERT INTO accounts VALUES(77,'planned',2024,'SP-000012','CC-000009');
INSERT INTO accounts VALUES(78,'planned',2024,'SP-000012','CC-000011');
INSERT INTO accounts VALUES(79,'planned',2025,'SP-000012','CC-000001');
INSERT INTO accounts VALUES(80,'planned',2025,'SP-000012','CC-000009');
INSERT INTO accounts VALUES(81,'planned',2025,'SP-000012','CC-000011');
INSERT INTO accounts VALUES(82,'planned',2023,'SP-000013','CC-000005');
INSERT INTO accounts VALUES(83,'planned',2023,'SP-000013','CC-000009');
INSERT INTO accounts VALUES(84,'planned',2024,'SP-000013','CC-000005');
INSERT INTO accounts VALUES(85,'planned',2024,'SP-000013','CC-000009');
INSERT INTO accounts VALUES(86,'planned',2025,'SP-000013','CC-000005');
INSERT INTO accounts VALUES(87,'planned',2025,'SP-000013','CC-000009');
INSERT INTO accounts VALUES(88,'planned',2023,'SP-000014','CC-000003');
INSERT INTO accounts VALUES(89,'planned',2024,'SP-000014','CC-000003');
INSERT INTO accounts VALUES(90,'planned',2025,'SP-000014','CC-000003');
INSERT INTO accounts VALUES(91,'planned',2023,'SP-000015','CC-000001');
INSERT INTO accounts VALUES(92,'planned',2023,'SP-000015','CC-000003');
INSERT INTO accounts VALUES(93,'planned',2023,'SP-000015','CC-000007');
INSERT INTO accounts VALUES(94,'planned',2024,'SP-000015','CC-000001');
INSERT INTO accounts VALUES(95,'planned',2024,'SP-000015','CC-000003');
INSERT INTO accounts VALUES(96,'planned',2024,'SP-000015','CC-000007');
INSERT INTO accounts VALUES(97,'planned',2025,'SP-000015','CC-000001');
INSERT INTO accounts VALUES(98,'planned',2025,'SP-000015','CC-000003');
INSERT INTO accounts VALUES(99,'planned',2025,'SP-000015','CC-000007');
INSERT INTO accounts VALUES(100,'planned',2023,'SP-000016','CC-000003');
INSERT INTO accounts VALUES(101,'planned',2023,'SP-000016','CC-000009');
INSERT INTO accounts VALUES(102,'planned',2024,'SP-000016','CC-000003');
INSERT INTO accounts VALUES(103,'planned',2024,'SP-000016','CC-000009');
INSERT INTO accounts VALUES(104,'planned',2025,'SP-000016','CC-000003');
INSERT INTO accounts VALUES(105,'planned',2025,'SP-000016','CC-000009');
INSERT INTO accounts VALUES(106,'planned',2023,'SP-000017','CC-000001');
INSERT INTO accounts VALUES(107,'planned',2023,'SP-000017','CC-000003');
INSERT INTO accounts VALUES(108,'planned',2023,'SP-000017','CC-000005');
INSERT INTO accounts VALUES(109,'planned',2024,'SP-000017','CC-000001');
INSERT INTO accounts VALUES(110,'planned',2024,'SP-000017','CC-000003');
INSERT INTO accounts VALUES(111,'planned',2024,'SP-000017','CC-000005');
INSERT INTO accounts VALUES(112,'planned',2025,'SP-000017','CC-000001');
INSERT INTO accounts VALUES(113,'planned',2025,'SP-000017','CC-000003');
INSERT INTO accounts VALUES(114,'planned',2025,'SP-000017','CC-000005');
INSERT INTO accounts VALUES(115,'planned',2023,'SP-000018','CC-000001');
INSERT INTO accounts VALUES(116,'planned',2023,'SP-000018','CC-000009');
INSERT INTO accounts VALUES(117,'planned',2024,'SP-000018','CC-000001');
INSERT INTO accounts VALUES(118,'planned',2024,'SP-000018','CC-000009');
INSERT INTO accounts VALUES(119,'planned',2025,'SP-000018','CC-000001');
INSERT INTO accounts VALUES(120,'planned',2025,'SP-000018','CC-000009');
INSERT INTO accounts VALUES(121,'planned',2023,'SP-000019','CC-000011');
INSERT INTO accounts VALUES(122,'planned',2024,'SP-000019','CC-000011');
INSERT INTO accounts VALUES(123,'planned',2025,'SP-000019','CC-000011');
INSERT INTO accounts VALUES(124,'planned',2023,'SP-000020','CC-000001');
INSERT INTO accounts VALUES(125,'planned',2023,'SP-000020','CC-000005');
INSERT INTO accounts VALUES(126,'planned',2024,'SP-000020','CC-000001');
INSERT INTO accounts VALUES(127,'planned',2024,'SP-000020','CC-000005');
INSERT INTO accounts VALUES(128,'planned',2025,'SP-000020','CC-000001');
INSERT INTO accounts VALUES(129,'planned',2025,'SP-000020','CC-000005');
INSERT INTO accounts VALUES(130,'planned',2023,'SP-000021','CC-000001');
INSERT INTO accounts VALUES(131,'planned',2023,'SP-000021','CC-000009');
INSERT INTO accounts VALUES(132,'planned',2023,'SP-000021','CC-000011');
INSERT INTO accounts VALUES(133,'planned',2024,'SP-000021','CC-000001');
INSERT INTO accounts VALUES(134,'planned',2024,'SP-000021','CC-000009');
INSERT INTO accounts VALUES(135,'planned',2024,'SP-000021','CC-000011');
INSERT INTO accounts VALUES(136,'planned',2025,'SP-000021','CC-000001');
INSERT INTO accounts VALUES(137,'planned',2025,'SP-000021','CC-000009');
INSERT INTO accounts VALUES(138,'planned',2025,'SP-000021','CC-000011');
INSERT INTO accounts VALUES(139,'planned',2023,'SP-000022','CC-000007');
INSERT INTO accounts VALUES(140,'planned',2023,'SP-000022','CC-000009');
INSERT INTO accounts VALUES(141,'planned',2023,'SP-000022','CC-000011');
INSERT INTO accounts VALUES(142,'planned',2024,'SP-000022','CC-000007');
INSERT INTO accounts VALUES(143,'planned',2024,'SP-000022','CC-000009');
INSERT INTO accounts VALUES(144,'planned',2024,'SP-000022','CC-000011');
INSERT INTO accounts VALUES(145,'planned',2025,'SP-000022','CC-000007');
INSERT INTO accounts VALUES(146,'planned',2025,'SP-000022','CC-000009');
INSERT INTO accounts VALUES(147,'planned',2025,'SP-000022','CC-000011');
INSERT INTO accounts VALUES(148,'planned',2023,'SP-000023','CC-000001');
INSERT INTO accounts VALUES(149,'planned',2023,'SP-000023','CC-000005');
INSERT INTO accounts VALUES(150,'planned',2024,'SP-000023','CC-000001');
INSERT INTO accounts VALUES(151,'planned',2024,'SP-000023','CC-000005');
INSERT INTO accounts VALUES(152,'planned',2025,'SP-000023','CC-000001');
INSERT INTO accounts VALUES(153,'planned',2025,'SP-000023','CC-000005');
INSERT INTO accounts VALUES(154,'planned',2023,'SP-000024','CC-000003');
INSERT INTO accounts VALUES(155,'planned',2024,'SP-000024','CC-000003');
INSERT INTO accounts VALUES(156,'planned',2025,'SP-000024','CC-000003');
INSERT INTO accounts VALUES(157,'delivered',2023,'SP-000001','CC-000007');
INSERT INTO accounts VALUES(158,'delivered',2023,'SP-000001','CC-000009');
INSERT INTO accounts VALUES(159,'delivered',2023,'SP-000002','CC-000001');
INSERT INTO accounts VALUES(160,'delivered',2023,'SP-000002','CC-000007');
INSERT INTO accounts VALUES(161,'delivered',2023,'SP-000002','CC-000011');
INSERT INTO accounts VALUES(162,'delivered',2023,'SP-000003','CC-000007');
INSERT INTO accounts VALUES(163,'delivered',2023,'SP-000004','CC-000001');
INSERT INTO accounts VALUES(164,'delivered',2023,'SP-000004','CC-000003');
INSERT INTO accounts VALUES(165,'delivered',2023,'SP-000004','CC-000005');
INSERT INTO accounts VALUES(166,'delivered',2023,'SP-000005','CC-000001');
INSERT INTO accounts VALUES(167,'delivered',2023,'SP-000005','CC-000003');
INSERT INTO accounts VALUES(168,'delivered',2023,'SP-000006','CC-000001');
INSERT INTO accounts VALUES(169,'delivered',2023,'SP-000006','CC-000005');
INSERT INTO accounts VALUES(170,'delivered',2023,'SP-000006','CC-000007');
INSERT INTO accounts VALUES(171,'delivered',2023,'SP-000007','CC-000011');
INSERT INTO accounts VALUES(172,'delivered',2023,'SP-000008','CC-000003');
INSERT INTO accounts VALUES(173,'delivered',2023,'SP-000008','CC-000011');
INSERT INTO accounts VALUES(174,'delivered',2023,'SP-000009','CC-000007');
INSERT INTO accounts VALUES(175,'delivered',2023,'SP-000009','CC-000009');
INSERT INTO accounts VALUES(176,'delivered',2023,'SP-000010','CC-000005');
INSERT INTO accounts VALUES(177,'delivered',2023,'SP-000010','CC-000011');
INSERT INTO accounts VALUES(178,'delivered',2023,'SP-000011','CC-000007');
INSERT INTO accounts VALUES(179,'delivered',2023,'SP-000011','CC-000011');
INSERT INTO accounts VALUES(180,'delivered',2023,'SP-000012','CC-000001');
INSERT INTO accounts VALUES(181,'delivered',2023,'SP-000012','CC-000009');
INSERT INTO accounts VALUES(182,'delivered',2023,'SP-000012','CC-000011');
INSERT INTO accounts VALUES(183,'delivered',2023,'SP-000013','CC-000005');
INSERT INTO accounts VALUES(184,'delivered',2023,'SP-000013','CC-000009');
INSERT INTO accounts VALUES(185,'delivered',2023,'SP-000014','CC-000003');
INSERT INTO accounts VALUES(186,'delivered',2023,'SP-000015','CC-000001');
INSERT INTO accounts VALUES(187,'delivered',2023,'SP-000015','CC-000003');
INSERT INTO accounts VALUES(188,'delivered',2023,'SP-000015','CC-000007');
INSERT INTO accounts VALUES(189,'delivered',2023,'SP-000016','CC-000003');
INSERT INTO accounts VALUES(190,'delivered',2023,'SP-000016','CC-000009');
INSERT INTO accounts VALUES(191,'delivered',2023,'SP-000017','CC-000001');
INSERT INTO accounts VALUES(192,'delivered',2023,'SP-000017','CC-000003');
INSERT INTO accounts VALUES(193,'delivered',2023,'SP-000017','CC-000005');
INSERT INTO accounts VALUES(194,'delivered',2023,'SP-000018','CC-000001');
INSERT INTO accounts VALUES(195,'delivered',2023,'SP-000018','CC-000009');
INSERT INTO accounts VALUES(196,'delivered',2023,'SP-000019','CC-000011');
INSERT INTO accounts VALUES(197,'delivered',2023,'SP-000020','CC-000001');
INSERT INTO accounts VALUES(198,'delivered',2023,'SP-000020','CC-000005');
INSERT INTO accounts VALUES(199,'delivered',2023,'SP-000021','CC-000001');
INSERT INTO accounts VALUES(200,'delivered',2023,'SP-000021','CC-000009');
INSERT INTO accounts VALUES(201,'delivered',2023,'SP-000021','CC-000011');
INSERT INTO accounts VALUES(202,'delivered',2023,'SP-000022','CC-000007');
INSERT INTO accounts VALUES(203,'delivered',2023,'SP-000022','CC-000009');
INSERT INTO accounts VALUES(204,'delivered',2023,'SP-000022','CC-000011');
INSERT INTO accounts VALUES(205,'delivered',2023,'SP-000023','CC-000001');
INSERT INTO accounts VALUES(206,'delivered',2023,'SP-000023','CC-000005');
INSERT INTO accounts VALUES(207,'delivered',2023,'SP-000024','CC-000003');
CREATE TABLE entries (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('approve', 'deliver', 'reduce', 'slip', 'unachievable', 'reverse')),
    proposal    TEXT NOT NULL REFERENCES proposals(ref),
    year        INTEGER NOT NULL,
    to_year     INTEGER,
    effective   TEXT NOT NULL CHECK (effective GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    period      INTEGER NOT NULL,
    recorded_at TEXT NOT NULL,
    actor       TEXT NOT NULL,
    reason      TEXT NOT NULL,
    source      TEXT NOT NULL,
    reverses    INTEGER UNIQUE REFERENCES entries(id),
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL UNIQUE,
    CHECK ((kind = 'slip') = (to_year IS NOT NULL)),
    CHECK ((kind = 'reverse') = (reverses IS NOT NULL))
) STRICT;
INSERT INTO entries VALUES(1,'approve','SP-000001',2023,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 2',NULL,'0000000000000000000000000000000000000000000000000000000000000000','7d8e7072f99f10973ff77be0cfd4f26c92e56bb449f181441a026cd7d9aef5e3');
INSERT INTO entries VALUES(2,'approve','SP-000001',2024,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 2',NULL,'7d8e7072f99f10973ff77be0cfd4f26c92e56bb449f181441a026cd7d9aef5e3','9fab51e894c0b5ca72bfff3c9a15a3e13f611a15475271576bddc8abcb5c1eaf');
INSERT INTO entries VALUES(3,'approve','SP-000001',2025,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 2',NULL,'9fab51e894c0b5ca72bfff3c9a15a3e13f611a15475271576bddc8abcb5c1eaf','5f8e4f8925f9e85c691ccc1873033e2ba7c2485cac75f5e0b533c7df9ce6922a');
INSERT INTO entries VALUES(4,'approve','SP-000002',2023,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 3',NULL,'5f8e4f8925f9e85c691ccc1873033e2ba7c2485cac75f5e0b533c7df9ce6922a','1885e6b53928e3d59581d9f758c385f4a88d5e63b5bd6f7d007d8ee1e1caa4da');
INSERT INTO entries VALUES(5,'approve','SP-000002',2024,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 3',NULL,'1885e6b53928e3d59581d9f758c385f4a88d5e63b5bd6f7d007d8ee1e1caa4da','72ea69efa65d574939ffd5df850d149126fe278d1e1b543d80f986984b806c1e');
INSERT INTO entries VALUES(6,'approve','SP-000002',2025,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 3',NULL,'72ea69efa65d574939ffd5df850d149126fe278d1e1b543d80f986984b806c1e','7ebd6a9bf7dc53e33d1fe2241c3a8f0e7b6a08e20827cc1d3e29bcdb8a5dd79b');
INSERT INTO entries VALUES(7,'approve','SP-000003',2023,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 4',NULL,'7ebd6a9bf7dc53e33d1fe2241c3a8f0e7b6a08e20827cc1d3e29bcdb8a5dd79b','5e40dd591b7a6be086b1ad15482c292b732f07bcf1f0dd8e4e7b04ada3a55603');
INSERT INTO entries VALUES(8,'approve','SP-000003',2024,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 4',NULL,'5e40dd591b7a6be086b1ad15482c292b732f07bcf1f0dd8e4e7b04ada3a55603','3d282a42324995db3f42f68deffaacbb025fc302bd74c6e614a47b0469422770');
INSERT INTO entries VALUES(9,'approve','SP-000003',2025,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 4',NULL,'3d282a42324995db3f42f68deffaacbb025fc302bd74c6e614a47b0469422770','15501095a0a6085c056773a39fd69a08546e49081cbe12e7a1ef681b8e07b075');
INSERT INTO entries VALUES(10,'approve','SP-000004',2023,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 5',NULL,'15501095a0a6085c056773a39fd69a08546e49081cbe12e7a1ef681b8e07b075','244129811fa1e0cb53c3d42c6fc793f868a3f106078983a2bcf7a7674658ab9f');
INSERT INTO entries VALUES(11,'approve','SP-000004',2024,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 5',NULL,'244129811fa1e0cb53c3d42c6fc793f868a3f106078983a2bcf7a7674658ab9f','8d91676113b9e2dde704d21f8a8c66bf2ccdeb2d47989e50f3635480be4832bc');
INSERT INTO entries VALUES(12,'approve','SP-000004',2025,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 5',NULL,'8d91676113b9e2dde704d21f8a8c66bf2ccdeb2d47989e50f3635480be4832bc','f41f374d9c884a56491838807bab83645f02ffd5cedfb7d6844f3251aba307d2');
INSERT INTO entries VALUES(13,'approve','SP-000005',2023,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 6',NULL,'f41f374d9c884a56491838807bab83645f02ffd5cedfb7d6844f3251aba307d2','ec08e5ed55de8a5c99625fcc3cd7681a4b13600d728a58a0f14c1483597a899e');
INSERT INTO entries VALUES(14,'approve','SP-000005',2024,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 6',NULL,'ec08e5ed55de8a5c99625fcc3cd7681a4b13600d728a58a0f14c1483597a899e','e5a467c6ac339f9f5b24f8936aead54bb7b26ce0e88fe115300292d9be7922a0');
INSERT INTO entries VALUES(15,'approve','SP-000005',2025,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 6',NULL,'e5a467c6ac339f9f5b24f8936aead54bb7b26ce0e88fe115300292d9be7922a0','9243ab19eea2b4e19ab08652e4dbf3c6852955c073d3ecbad4dcc7320dbb819b');
INSERT INTO entries VALUES(16,'approve','SP-000006',2023,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 7',NULL,'9243ab19eea2b4e19ab08652e4dbf3c6852955c073d3ecbad4dcc7320dbb819b','b2ed3881d39da59afd0337a28debc20c62957f8102cf43a91df2599423253d96');
INSERT INTO entries VALUES(17,'approve','SP-000006',2024,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 7',NULL,'b2ed3881d39da59afd0337a28debc20c62957f8102cf43a91df2599423253d96','be7875e0be78a9176a220ed309d953313b322bdcfe3942a08394d78c450d09da');
INSERT INTO entries VALUES(18,'approve','SP-000006',2025,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 7',NULL,'be7875e0be78a9176a220ed309d953313b322bdcfe3942a08394d78c450d09da','3bba1b8accdab8ed0643dc12ddf0ac39ab18186d4387dad889c98391eebee0d4');
INSERT INTO entries VALUES(19,'approve','SP-000007',2023,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 8',NULL,'3bba1b8accdab8ed0643dc12ddf0ac39ab18186d4387dad889c98391eebee0d4','ca32e5b94a4b2b9263a961b9a1232f0665102d7d142774cfb432f9eac4fc2bc5');
INSERT INTO entries VALUES(20,'approve','SP-000007',2024,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 8',NULL,'ca32e5b94a4b2b9263a961b9a1232f0665102d7d142774cfb432f9eac4fc2bc5','259e58e70acabae7830e55341c26d0d3bd9e0dd6fd645916350d4e9d55b6c982');
INSERT INTO entries VALUES(21,'approve','SP-000007',2025,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 8',NULL,'259e58e70acabae7830e55341c26d0d3bd9e0dd6fd645916350d4e9d55b6c982','7d47d3aac0f86510eca736a6cf8184244e868aa14a86c693719b74350e81a017');
INSERT INTO entries VALUES(22,'approve','SP-000008',2023,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 9',NULL,'7d47d3aac0f86510eca736a6cf8184244e868aa14a86c693719b74350e81a017','637225c28ea95a500dcdf5331e9b84e788ab501e5b8d9ce40db608824ff21ff5');
INSERT INTO entries VALUES(23,'approve','SP-000008',2024,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 9',NULL,'637225c28ea95a500dcdf5331e9b84e788ab501e5b8d9ce40db608824ff21ff5','08eeccb5e1dea6840ce2f6ed10a0a506395ba68c9a893882930e2786f0b4e39b');
INSERT INTO entries VALUES(24,'approve','SP-000008',2025,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 9',NULL,'08eeccb5e1dea6840ce2f6ed10a0a506395ba68c9a893882930e2786f0b4e39b','7d7ecfbf088c95f629e9452f982acfa7715f350f19c551f73bf37c3f3651d29d');
INSERT INTO entries VALUES(25,'approve','SP-000009',2023,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 10',NULL,'7d7ecfbf088c95f629e9452f982acfa7715f350f19c551f73bf37c3f3651d29d','0537bc29b273f0bc82681e2d8028590fae807e2aa5b9f0fc3e6b9c64a34301e9');
INSERT INTO entries VALUES(26,'approve','SP-000009',2024,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 10',NULL,'0537bc29b273f0bc82681e2d8028590fae807e2aa5b9f0fc3e6b9c64a34301e9','09c2ff962dba5e340e9f75b3b6c45f55a34c457db68e726aad06e21e0fe7eeb6');
INSERT INTO entries VALUES(27,'approve','SP-000009',2025,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 10',NULL,'09c2ff962dba5e340e9f75b3b6c45f55a34c457db68e726aad06e21e0fe7eeb6','fb1389e47abd1fa3821a5d08d3cca85f1bfbe7d53e6f49fd4a1b1f24dac37dac');
INSERT INTO entries VALUES(28,'approve','SP-000010',2023,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 11',NULL,'fb1389e47abd1fa3821a5d08d3cca85f1bfbe7d53e6f49fd4a1b1f24dac37dac','c88a483109374ef9ce736ac803b7f876a4d67335b3ff42c9ad5a706ab1dcf5d4');
INSERT INTO entries VALUES(29,'approve','SP-000010',2024,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 11',NULL,'c88a483109374ef9ce736ac803b7f876a4d67335b3ff42c9ad5a706ab1dcf5d4','7092226073e90d6a95f007c60695702cd8a38f380304f6c76a330e848f254742');
INSERT INTO entries VALUES(30,'approve','SP-000010',2025,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 11',NULL,'7092226073e90d6a95f007c60695702cd8a38f380304f6c76a330e848f254742','1a09f1a26f2b360e48b72417f070068243fd5b4665e3bafa167cfd76bc7c1d6c');
INSERT INTO entries VALUES(31,'approve','SP-000011',2023,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 12',NULL,'1a09f1a26f2b360e48b72417f070068243fd5b4665e3bafa167cfd76bc7c1d6c','813c0bfb273898c96d5a7f5d47701c0faaa7c4fc647f94ec2221329dd635bf3b');
INSERT INTO entries VALUES(32,'approve','SP-000011',2024,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 12',NULL,'813c0bfb273898c96d5a7f5d47701c0faaa7c4fc647f94ec2221329dd635bf3b','a422d53ffe2e9cac4bb8d45cfcd95c8d63012e2a66fdb87c5f1e0367749bdd12');
INSERT INTO entries VALUES(33,'approve','SP-000011',2025,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 12',NULL,'a422d53ffe2e9cac4bb8d45cfcd95c8d63012e2a66fdb87c5f1e0367749bdd12','549906e85ff271f20a726392dab591558b50b599e4cf6e6633d511b74d38bc3a');
INSERT INTO entries VALUES(34,'approve','SP-000012',2023,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 13',NULL,'549906e85ff271f20a726392dab591558b50b599e4cf6e6633d511b74d38bc3a','08d9154fd4e789fccfbf1e1700a6cd0f8715e5d4c29b65a33c3c1b31e6bc1afb');
INSERT INTO entries VALUES(35,'approve','SP-000012',2024,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 13',NULL,'08d9154fd4e789fccfbf1e1700a6cd0f8715e5d4c29b65a33c3c1b31e6bc1afb','f30fd864b849ca851f66465710f43d9b22d2ca8067a4c47f12ade9b6f7272c54');
INSERT INTO entries VALUES(36,'approve','SP-000012',2025,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 13',NULL,'f30fd864b849ca851f66465710f43d9b22d2ca8067a4c47f12ade9b6f7272c54','d06aae9aaf04d634d652d8b7684011c512595f5b56fb5e56332029f679ca0a87');
INSERT INTO entries VALUES(37,'approve','SP-000013',2023,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 14',NULL,'d06aae9aaf04d634d652d8b7684011c512595f5b56fb5e56332029f679ca0a87','c4247632805a79156a15b7a675d9f09ceb75518a0d357a2389d0de90334487c0');
INSERT INTO entries VALUES(38,'approve','SP-000013',2024,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 14',NULL,'c4247632805a79156a15b7a675d9f09ceb75518a0d357a2389d0de90334487c0','ca3bd2c95afc940b9c32eaa786e19c19f412e165999ef0740d7f8ac3cc511843');
INSERT INTO entries VALUES(39,'approve','SP-000013',2025,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 14',NULL,'ca3bd2c95afc940b9c32eaa786e19c19f412e165999ef0740d7f8ac3cc511843','d231a48db0a883b436332250e655daeef4021c4f830c7c415a10d1690c1499cb');
INSERT INTO entries VALUES(40,'approve','SP-000014',2023,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 15',NULL,'d231a48db0a883b436332250e655daeef4021c4f830c7c415a10d1690c1499cb','3519f22d322ded7cebf825371068d7701c82aa581cebe2b7e42831aae5d81e60');
INSERT INTO entries VALUES(41,'approve','SP-000014',2024,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 15',NULL,'3519f22d322ded7cebf825371068d7701c82aa581cebe2b7e42831aae5d81e60','64768e55fe0df9f67d5c22c120a671581339dd7c5379e8bedf65cc9df003addd');
INSERT INTO entries VALUES(42,'approve','SP-000014',2025,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 15',NULL,'64768e55fe0df9f67d5c22c120a671581339dd7c5379e8bedf65cc9df003addd','0b65ece1295e119c63ad62c84f4f34093b2438b43d43294bf1499c633e85acba');
INSERT INTO entries VALUES(43,'approve','SP-000015',2023,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 16',NULL,'0b65ece1295e119c63ad62c84f4f34093b2438b43d43294bf1499c633e85acba','ef7a352fcca19f0301033388be52a40944bcb58730829969206e7364f548f3d2');
INSERT INTO entries VALUES(44,'approve','SP-000015',2024,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 16',NULL,'ef7a352fcca19f0301033388be52a40944bcb58730829969206e7364f548f3d2','9ec974ebe83c3bd2f72b10d75a2937d2f40296d5f046e95cfe53e7dac9a7000c');
INSERT INTO entries VALUES(45,'approve','SP-000015',2025,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 16',NULL,'9ec974ebe83c3bd2f72b10d75a2937d2f40296d5f046e95cfe53e7dac9a7000c','3853fcb38a93e837fa29516179e01e667381583473821ed7ce37d7569f5cfcfe');
INSERT INTO entries VALUES(46,'approve','SP-000016',2023,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 17',NULL,'3853fcb38a93e837fa29516179e01e667381583473821ed7ce37d7569f5cfcfe','30237d67521f1e462e050e03c7653c822293f460c02241a1e29e7fc605679013');
INSERT INTO entries VALUES(47,'approve','SP-000016',2024,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 17',NULL,'30237d67521f1e462e050e03c7653c822293f460c02241a1e29e7fc605679013','f81e65c3ebe29ab9517237846979b4ba58206cbf17c740c51053320ea99322df');
INSERT INTO entries VALUES(48,'approve','SP-000016',2025,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 17',NULL,'f81e65c3ebe29ab9517237846979b4ba58206cbf17c740c51053320ea99322df','4699ce6c7e8fdf50406ae3e5d9242e590005eb2aa85243eaf98018123816e805');
INSERT INTO entries VALUES(49,'approve','SP-000017',2023,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 18',NULL,'4699ce6c7e8fdf50406ae3e5d9242e590005eb2aa85243eaf98018123816e805','4515de05480a4d77885d3e8fb4f762b4badfb12ecda71f73c7c26ff9829363a2');
INSERT INTO entries VALUES(50,'approve','SP-000017',2024,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 18',NULL,'4515de05480a4d77885d3e8fb4f762b4badfb12ecda71f73c7c26ff9829363a2','e37afac25723891ab84e3a147fd2ad0697d0d3d062b3c54a66130f6ee15d957e');
INSERT INTO entries VALUES(51,'approve','SP-000017',2025,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 18',NULL,'e37afac25723891ab84e3a147fd2ad0697d0d3d062b3c54a66130f6ee15d957e','e14f68fa8575de8565b324ec386b61a02a10c93a9f656b7107ab9a6d491e0edf');
INSERT INTO entries VALUES(52,'approve','SP-000018',2023,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 19',NULL,'e14f68fa8575de8565b324ec386b61a02a10c93a9f656b7107ab9a6d491e0edf','ea818056919cc9bd78611c488094d2a408f4e14cb57035ded0ce393ae8223ec4');
INSERT INTO entries VALUES(53,'approve','SP-000018',2024,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 19',NULL,'ea818056919cc9bd78611c488094d2a408f4e14cb57035ded0ce393ae8223ec4','e2d2ea1f51c27af73244447cc0a35fca9e95310f5b0049403415c17beb4e9d54');
INSERT INTO entries VALUES(54,'approve','SP-000018',2025,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 19',NULL,'e2d2ea1f51c27af73244447cc0a35fca9e95310f5b0049403415c17beb4e9d54','8dd7f22ccf75329495c0d6bcbcb4b86849f57fa70f97ae8261cb7c1df44cc138');
INSERT INTO entries VALUES(55,'approve','SP-000019',2023,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 20',NULL,'8dd7f22ccf75329495c0d6bcbcb4b86849f57fa70f97ae8261cb7c1df44cc138','9871ddd4d6cb6baab9c3aa8415b2a50ce2ecfdd44375667b2bb0a820525ea6e6');
INSERT INTO entries VALUES(56,'approve','SP-000019',2024,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 20',NULL,'9871ddd4d6cb6baab9c3aa8415b2a50ce2ecfdd44375667b2bb0a820525ea6e6','e5c44c916560f99f35b13355a6b23c37fbeac659728094462578be63cda83a57');
INSERT INTO entries VALUES(57,'approve','SP-000019',2025,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 20',NULL,'e5c44c916560f99f35b13355a6b23c37fbeac659728094462578be63cda83a57','05dc5de718270447619b759fc782fe8248f3fa4812af98c0b70edaafb63b358e');
INSERT INTO entries VALUES(58,'approve','SP-000020',2023,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 21',NULL,'05dc5de718270447619b759fc782fe8248f3fa4812af98c0b70edaafb63b358e','85aa32366d632736140c9d23907d5f5de29a1e3251065c0baaa8d0f9b41489dd');
INSERT INTO entries VALUES(59,'approve','SP-000020',2024,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 21',NULL,'85aa32366d632736140c9d23907d5f5de29a1e3251065c0baaa8d0f9b41489dd','95f5402c2ec48df00fb98272127bb5e9faafd5c906561a49985bd90e74307335');
INSERT INTO entries VALUES(60,'approve','SP-000020',2025,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 21',NULL,'95f5402c2ec48df00fb98272127bb5e9faafd5c906561a49985bd90e74307335','2c05c0431c46738b8782581a135a5f70dccee60cf2ee0ed5a0c8ce54927f16ed');
INSERT INTO entries VALUES(61,'approve','SP-000021',2023,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 22',NULL,'2c05c0431c46738b8782581a135a5f70dccee60cf2ee0ed5a0c8ce54927f16ed','9bc16099289513d0d40839e0246cd4e0afa32caf953af759d502f05734a74b0b');
INSERT INTO entries VALUES(62,'approve','SP-000021',2024,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 22',NULL,'9bc16099289513d0d40839e0246cd4e0afa32caf953af759d502f05734a74b0b','c93ef60a9093c74e8f69d2d4e5a9adc31043ab80db7125cd0d56d64f8dde2dcd');
INSERT INTO entries VALUES(63,'approve','SP-000021',2025,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 22',NULL,'c93ef60a9093c74e8f69d2d4e5a9adc31043ab80db7125cd0d56d64f8dde2dcd','191a9194bbc0eb69e9eea4e3629f1850f2f453e4c7e855476030b2a8f6c1f7ee');
INSERT INTO entries VALUES(64,'approve','SP-000022',2023,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 23',NULL,'191a9194bbc0eb69e9eea4e3629f1850f2f453e4c7e855476030b2a8f6c1f7ee','1c64a3210661d84d24d84388fecf06206a18c563cffabc99b617b8fe39ed214c');
INSERT INTO entries VALUES(65,'approve','SP-000022',2024,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 23',NULL,'1c64a3210661d84d24d84388fecf06206a18c563cffabc99b617b8fe39ed214c','616e53dbd3595b0777f542bea580b583290b971ae24a957c10ed753fd0e7b103');
INSERT INTO entries VALUES(66,'approve','SP-000022',2025,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 23',NULL,'616e53dbd3595b0777f542bea580b583290b971ae24a957c10ed753fd0e7b103','7695888b234074b165fc649424b8e23bc496d141fed70b2450d34888d49252a7');
INSERT INTO entries VALUES(67,'approve','SP-000023',2023,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 24',NULL,'7695888b234074b165fc649424b8e23bc496d141fed70b2450d34888d49252a7','7dd0d0bdbe1024acee785df920dfd8c12a6f85b3b542901f4084d297e50156aa');
INSERT INTO entries VALUES(68,'approve','SP-000023',2024,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 24',NULL,'7dd0d0bdbe1024acee785df920dfd8c12a6f85b3b542901f4084d297e50156aa','33af9eb5a8448673df7fdb8eac64420342db63c26bbcdbceafb542f2aa39307e');
INSERT INTO entries VALUES(69,'approve','SP-000023',2025,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 24',NULL,'33af9eb5a8448673df7fdb8eac64420342db63c26bbcdbceafb542f2aa39307e','df0155301c99243f006dcf944e4fa0d500447f33946e9c41bc39e5bfefd7746e');
INSERT INTO entries VALUES(70,'approve','SP-000024',2023,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 25',NULL,'df0155301c99243f006dcf944e4fa0d500447f33946e9c41bc39e5bfefd7746e','95122c1ffd52a2dc0e3ba92533f10bac3ef4ec89bec3061bba9c826401406cc8');
INSERT INTO entries VALUES(71,'approve','SP-000024',2024,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 25',NULL,'95122c1ffd52a2dc0e3ba92533f10bac3ef4ec89bec3061bba9c826401406cc8','91ef1c6a0bb5758ede6dca90bd82226f13f6f81fd411a25ab57ef99fd6d5b864');
INSERT INTO entries VALUES(72,'approve','SP-000024',2025,NULL,'2023-04-01',202301,'2023-08-15T09:00:00Z','Loader','MTFS approval','pack/proposals.csv line 25',NULL,'91ef1c6a0bb5758ede6dca90bd82226f13f6f81fd411a25ab57ef99fd6d5b864','73d685338bf2d86c23031e24080552851c67fdccb9fc20c7f8c718a6af18f869');
INSERT INTO entries VALUES(73,'deliver','SP-000001',2023,NULL,'2023-04-30',202301,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P1: delivered to date £3,541.00 (was £0.00)','pack/returns/2023-04.csv line 2',NULL,'73d685338bf2d86c23031e24080552851c67fdccb9fc20c7f8c718a6af18f869','6f031e871243b170054f096b314d571d84360f9494efafae463f7a50828d8a2a');
INSERT INTO entries VALUES(74,'deliver','SP-000002',2023,NULL,'2023-04-30',202301,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P1: delivered to date £7,083.00 (was £0.00)','pack/returns/2023-04.csv line 3',NULL,'6f031e871243b170054f096b314d571d84360f9494efafae463f7a50828d8a2a','deb300a66ab9d3e3580e4e4cabf98a8fa209e52141a54eb0796bc5d3c704f4fb');
INSERT INTO entries VALUES(75,'deliver','SP-000003',2023,NULL,'2023-04-30',202301,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P1: delivered to date £7,083.00 (was £0.00)','pack/returns/2023-04.csv line 4',NULL,'deb300a66ab9d3e3580e4e4cabf98a8fa209e52141a54eb0796bc5d3c704f4fb','2b40486ce5a71d79d4e6a45810e69bf41dde031a179c64c476e8022ff957a20c');
INSERT INTO entries VALUES(76,'deliver','SP-000004',2023,NULL,'2023-04-30',202301,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P1: delivered to date £1,250.00 (was £0.00)','pack/returns/2023-04.csv line 5',NULL,'2b40486ce5a71d79d4e6a45810e69bf41dde031a179c64c476e8022ff957a20c','89598e06bba8639787cac9e96567cbda2572b0cbf3e3ee371e5b7de028dc0034');
INSERT INTO entries VALUES(77,'deliver','SP-000005',2023,NULL,'2023-04-30',202301,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P1: delivered to date £4,166.00 (was £0.00)','pack/returns/2023-04.csv line 6',NULL,'89598e06bba8639787cac9e96567cbda2572b0cbf3e3ee371e5b7de028dc0034','378a42cd66467d948022d0ee48626b1aa9e553209d4b5a80f54217bb9e723478');
INSERT INTO entries VALUES(78,'deliver','SP-000006',2023,NULL,'2023-04-30',202301,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P1: delivered to date £5,625.00 (was £0.00)','pack/returns/2023-04.csv line 7',NULL,'378a42cd66467d948022d0ee48626b1aa9e553209d4b5a80f54217bb9e723478','c0bc9412a8ec39351bd57e9e81d9c05705c66de3438afdedf20668162f4492da');
INSERT INTO entries VALUES(79,'deliver','SP-000007',2023,NULL,'2023-04-30',202301,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P1: delivered to date £3,958.00 (was £0.00)','pack/returns/2023-04.csv line 8',NULL,'c0bc9412a8ec39351bd57e9e81d9c05705c66de3438afdedf20668162f4492da','d689ca02e155c91569837af3f3b338d21b663d5aa2ac0514866664c05ab5157d');
INSERT INTO entries VALUES(80,'deliver','SP-000008',2023,NULL,'2023-04-30',202301,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P1: delivered to date £2,708.00 (was £0.00)','pack/returns/2023-04.csv line 9',NULL,'d689ca02e155c91569837af3f3b338d21b663d5aa2ac0514866664c05ab5157d','ffb4c341b39e7bc11f0cf68266c7253a8afd80d6b2b602b72c7cea9d5bf2de8e');
INSERT INTO entries VALUES(81,'deliver','SP-000009',2023,NULL,'2023-04-30',202301,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P1: delivered to date £2,916.00 (was £0.00)','pack/returns/2023-04.csv line 10',NULL,'ffb4c341b39e7bc11f0cf68266c7253a8afd80d6b2b602b72c7cea9d5bf2de8e','b95e370191ba43f8054592607ad21bd572fcecb4fa6bf63873008c1b43a188e4');
INSERT INTO entries VALUES(82,'deliver','SP-000010',2023,NULL,'2023-04-30',202301,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P1: delivered to date £3,958.00 (was £0.00)','pack/returns/2023-04.csv line 11',NULL,'b95e370191ba43f8054592607ad21bd572fcecb4fa6bf63873008c1b43a188e4','e151781bec12b2dc52d76aefda8af69e573bcb417e8a33f60c64627cc71ca250');
INSERT INTO entries VALUES(83,'deliver','SP-000011',2023,NULL,'2023-04-30',202301,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P1: delivered to date £8,125.00 (was £0.00)','pack/returns/2023-04.csv line 12',NULL,'e151781bec12b2dc52d76aefda8af69e573bcb417e8a33f60c64627cc71ca250','2a968f0f1dafc824045fbcae3b464955b864a905c9c11759b4d9f5f2f90c8704');
INSERT INTO entries VALUES(84,'deliver','SP-000012',2023,NULL,'2023-04-30',202301,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P1: delivered to date £729.00 (was £0.00)','pack/returns/2023-04.csv line 13',NULL,'2a968f0f1dafc824045fbcae3b464955b864a905c9c11759b4d9f5f2f90c8704','dd91020d936732c722a1ea8e068667615cc6b6624e12574ee1813c78b6a46c21');
INSERT INTO entries VALUES(85,'deliver','SP-000013',2023,NULL,'2023-04-30',202301,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P1: delivered to date £5,000.00 (was £0.00)','pack/returns/2023-04.csv line 14',NULL,'dd91020d936732c722a1ea8e068667615cc6b6624e12574ee1813c78b6a46c21','43c91bbbc76480a49e293c30ef6bec36efd480120729df761da8be7f8a72f83b');
INSERT INTO entries VALUES(86,'deliver','SP-000014',2023,NULL,'2023-04-30',202301,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P1: delivered to date £5,416.00 (was £0.00)','pack/returns/2023-04.csv line 15',NULL,'43c91bbbc76480a49e293c30ef6bec36efd480120729df761da8be7f8a72f83b','6973bf717a1e9d38e737dff73184f8a5d2aae15b963bed9a8c54c2539fbe17c5');
INSERT INTO entries VALUES(87,'deliver','SP-000015',2023,NULL,'2023-04-30',202301,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P1: delivered to date £2,291.00 (was £0.00)','pack/returns/2023-04.csv line 16',NULL,'6973bf717a1e9d38e737dff73184f8a5d2aae15b963bed9a8c54c2539fbe17c5','a314e91fc5e5b30212576e4f805f5c9b9cef21ee72d858241ba886617b071773');
INSERT INTO entries VALUES(88,'deliver','SP-000016',2023,NULL,'2023-04-30',202301,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P1: delivered to date £2,916.00 (was £0.00)','pack/returns/2023-04.csv line 17',NULL,'a314e91fc5e5b30212576e4f805f5c9b9cef21ee72d858241ba886617b071773','a3adec8fc5dd44aa13f6a1b74798a649cfb914dd464712245fcbb2129f163c62');
INSERT INTO entries VALUES(89,'deliver','SP-000017',2023,NULL,'2023-04-30',202301,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P1: delivered to date £3,750.00 (was £0.00)','pack/returns/2023-04.csv line 18',NULL,'a3adec8fc5dd44aa13f6a1b74798a649cfb914dd464712245fcbb2129f163c62','4cb22e3a5b69a41f253880dda856495ee7d282629f2b9d0413409b793f26a1ef');
INSERT INTO entries VALUES(90,'deliver','SP-000018',2023,NULL,'2023-04-30',202301,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P1: delivered to date £3,958.00 (was £0.00)','pack/returns/2023-04.csv line 19',NULL,'4cb22e3a5b69a41f253880dda856495ee7d282629f2b9d0413409b793f26a1ef','8b8ca2281320342322290a22b8baaa08cf91371c90147ca8420391ad30eb392a');
INSERT INTO entries VALUES(91,'deliver','SP-000019',2023,NULL,'2023-04-30',202301,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P1: delivered to date £5,000.00 (was £0.00)','pack/returns/2023-04.csv line 20',NULL,'8b8ca2281320342322290a22b8baaa08cf91371c90147ca8420391ad30eb392a','42a86141a678f9ad3a83be5cd024e86446896200e05e255be5416de5275c24c3');
INSERT INTO entries VALUES(92,'deliver','SP-000020',2023,NULL,'2023-04-30',202301,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P1: delivered to date £7,708.00 (was £0.00)','pack/returns/2023-04.csv line 21',NULL,'42a86141a678f9ad3a83be5cd024e86446896200e05e255be5416de5275c24c3','bd9b3047a7fb4fb1b89405166d6c214d1761c823a83eea46f2f3990d5e29857f');
INSERT INTO entries VALUES(93,'deliver','SP-000021',2023,NULL,'2023-04-30',202301,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P1: delivered to date £4,166.00 (was £0.00)','pack/returns/2023-04.csv line 22',NULL,'bd9b3047a7fb4fb1b89405166d6c214d1761c823a83eea46f2f3990d5e29857f','76f800bc58abc202440c796e3c4cefa37d2a98fd9a885e9601228bb5a8c774be');
INSERT INTO entries VALUES(94,'deliver','SP-000022',2023,NULL,'2023-04-30',202301,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P1: delivered to date £416.00 (was £0.00)','pack/returns/2023-04.csv line 23',NULL,'76f800bc58abc202440c796e3c4cefa37d2a98fd9a885e9601228bb5a8c774be','b0b2b6554724492014d94ef3a017031993aa9e586f90b12e22a0ebb4aff4f448');
INSERT INTO entries VALUES(95,'deliver','SP-000023',2023,NULL,'2023-04-30',202301,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P1: delivered to date £6,875.00 (was £0.00)','pack/returns/2023-04.csv line 24',NULL,'b0b2b6554724492014d94ef3a017031993aa9e586f90b12e22a0ebb4aff4f448','2e0d1b0281308e4438271d74d258f32b438797924a46ddb07010dda06342d94d');
INSERT INTO entries VALUES(96,'deliver','SP-000024',2023,NULL,'2023-04-30',202301,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P1: delivered to date £4,375.00 (was £0.00)','pack/returns/2023-04.csv line 25',NULL,'2e0d1b0281308e4438271d74d258f32b438797924a46ddb07010dda06342d94d','f094935e9aa6578707a2a9418b25fa484d4c688fbd0ac007cbe819c7d2f90e6f');
INSERT INTO entries VALUES(97,'deliver','SP-000001',2023,NULL,'2023-05-31',202302,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P2: delivered to date £7,083.00 (was £3,541.00)','pack/returns/2023-05.csv line 2',NULL,'f094935e9aa6578707a2a9418b25fa484d4c688fbd0ac007cbe819c7d2f90e6f','4778773c8d7c587811447c2aa718a4b8b5852991074b3971fbcf4f0e81c4fe86');
INSERT INTO entries VALUES(98,'deliver','SP-000002',2023,NULL,'2023-05-31',202302,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P2: delivered to date £14,166.00 (was £7,083.00)','pack/returns/2023-05.csv line 3',NULL,'4778773c8d7c587811447c2aa718a4b8b5852991074b3971fbcf4f0e81c4fe86','45b235103a12533744c53733fb56e36bab40ccb324e34be0aa038ead994a9040');
INSERT INTO entries VALUES(99,'deliver','SP-000003',2023,NULL,'2023-05-31',202302,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P2: delivered to date £14,166.00 (was £7,083.00)','pack/returns/2023-05.csv line 4',NULL,'45b235103a12533744c53733fb56e36bab40ccb324e34be0aa038ead994a9040','e206d2d8c6646d907a73ce233e1e0753d24c2dde532de4855df2175f67fd381f');
INSERT INTO entries VALUES(100,'deliver','SP-000004',2023,NULL,'2023-05-31',202302,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P2: delivered to date £2,500.00 (was £1,250.00)','pack/returns/2023-05.csv line 5',NULL,'e206d2d8c6646d907a73ce233e1e0753d24c2dde532de4855df2175f67fd381f','1334eee3778edcfea6cff2c9ab6f1b5a1fde623065cf2a07893318b4b3c5c468');
INSERT INTO entries VALUES(101,'deliver','SP-000005',2023,NULL,'2023-05-31',202302,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P2: delivered to date £8,333.00 (was £4,166.00)','pack/returns/2023-05.csv line 6',NULL,'1334eee3778edcfea6cff2c9ab6f1b5a1fde623065cf2a07893318b4b3c5c468','27a0b440c1bb62b9171d8cd5f54c0300a7386d2ffb0f5898724ab38414fb6f6a');
INSERT INTO entries VALUES(102,'deliver','SP-000006',2023,NULL,'2023-05-31',202302,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P2: delivered to date £11,250.00 (was £5,625.00)','pack/returns/2023-05.csv line 7',NULL,'27a0b440c1bb62b9171d8cd5f54c0300a7386d2ffb0f5898724ab38414fb6f6a','b9a06bbde3183bac098e6d09bb2cb891385aae9abbc6369ef46d31e93e9bf508');
INSERT INTO entries VALUES(103,'deliver','SP-000007',2023,NULL,'2023-05-31',202302,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P2: delivered to date £7,916.00 (was £3,958.00)','pack/returns/2023-05.csv line 8',NULL,'b9a06bbde3183bac098e6d09bb2cb891385aae9abbc6369ef46d31e93e9bf508','c994c4ba4c9275bd6711b2ec446910ae6cfff844a9e2e20c874617e7e5df34af');
INSERT INTO entries VALUES(104,'deliver','SP-000008',2023,NULL,'2023-05-31',202302,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P2: delivered to date £5,416.00 (was £2,708.00)','pack/returns/2023-05.csv line 9',NULL,'c994c4ba4c9275bd6711b2ec446910ae6cfff844a9e2e20c874617e7e5df34af','d12deaf78849936d84eba27a56ebdb68944e72000becff2a18f1c3cd7c19bf5a');
INSERT INTO entries VALUES(105,'deliver','SP-000009',2023,NULL,'2023-05-31',202302,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P2: delivered to date £5,833.00 (was £2,916.00)','pack/returns/2023-05.csv line 10',NULL,'d12deaf78849936d84eba27a56ebdb68944e72000becff2a18f1c3cd7c19bf5a','dd0cfd22ee3eeaa9bd1cc088e3f0b3f5204fa63b9a82d56f6381c75609931c34');
INSERT INTO entries VALUES(106,'deliver','SP-000010',2023,NULL,'2023-05-31',202302,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P2: delivered to date £7,916.00 (was £3,958.00)','pack/returns/2023-05.csv line 11',NULL,'dd0cfd22ee3eeaa9bd1cc088e3f0b3f5204fa63b9a82d56f6381c75609931c34','38b43d3aef47b6bdbb79eb72a020346fc37c82f25708ac33773e8fe2e9819a68');
INSERT INTO entries VALUES(107,'deliver','SP-000011',2023,NULL,'2023-05-31',202302,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P2: delivered to date £16,250.00 (was £8,125.00)','pack/returns/2023-05.csv line 12',NULL,'38b43d3aef47b6bdbb79eb72a020346fc37c82f25708ac33773e8fe2e9819a68','610ad321531e98815720177dd1c68a9a8c43d9aa473c3f6b62d5535a5df0ae32');
INSERT INTO entries VALUES(108,'deliver','SP-000012',2023,NULL,'2023-05-31',202302,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P2: delivered to date £1,458.00 (was £729.00)','pack/returns/2023-05.csv line 13',NULL,'610ad321531e98815720177dd1c68a9a8c43d9aa473c3f6b62d5535a5df0ae32','b28387c1a3359272fc49f3091df10a9a5ed587b133859953a313dd666b53fd10');
INSERT INTO entries VALUES(109,'deliver','SP-000013',2023,NULL,'2023-05-31',202302,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P2: delivered to date £10,000.00 (was £5,000.00)','pack/returns/2023-05.csv line 14',NULL,'b28387c1a3359272fc49f3091df10a9a5ed587b133859953a313dd666b53fd10','c38e2cb0a62c58f8727cb030d88d69c213eeb215390c6497bb11e9faf687cd2f');
INSERT INTO entries VALUES(110,'deliver','SP-000014',2023,NULL,'2023-05-31',202302,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P2: delivered to date £10,833.00 (was £5,416.00)','pack/returns/2023-05.csv line 15',NULL,'c38e2cb0a62c58f8727cb030d88d69c213eeb215390c6497bb11e9faf687cd2f','e3fa80736f13ecf784bef6f6e3280d962fd5ff71fa4064d4667b5dfb22a7a0e0');
INSERT INTO entries VALUES(111,'deliver','SP-000015',2023,NULL,'2023-05-31',202302,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P2: delivered to date £4,583.00 (was £2,291.00)','pack/returns/2023-05.csv line 16',NULL,'e3fa80736f13ecf784bef6f6e3280d962fd5ff71fa4064d4667b5dfb22a7a0e0','5a99cc4e290fb089fdd2a6db7a4edea2f91756edf7707285de114f70d46eb239');
INSERT INTO entries VALUES(112,'deliver','SP-000016',2023,NULL,'2023-05-31',202302,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P2: delivered to date £5,833.00 (was £2,916.00)','pack/returns/2023-05.csv line 17',NULL,'5a99cc4e290fb089fdd2a6db7a4edea2f91756edf7707285de114f70d46eb239','0bd31edce43c394a96256712428822669b589658cff7ae531b31813afe1bf690');
INSERT INTO entries VALUES(113,'deliver','SP-000017',2023,NULL,'2023-05-31',202302,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P2: delivered to date £7,500.00 (was £3,750.00)','pack/returns/2023-05.csv line 18',NULL,'0bd31edce43c394a96256712428822669b589658cff7ae531b31813afe1bf690','cfe790f3f5bbf4a7c8d9de5b35912c98715cd6af56964265404cf2512b90675f');
INSERT INTO entries VALUES(114,'deliver','SP-000018',2023,NULL,'2023-05-31',202302,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P2: delivered to date £7,916.00 (was £3,958.00)','pack/returns/2023-05.csv line 19',NULL,'cfe790f3f5bbf4a7c8d9de5b35912c98715cd6af56964265404cf2512b90675f','9e40c47bda54d47789088d28cd58f56e7b9f1f87632c82eff0644827b08b9797');
INSERT INTO entries VALUES(115,'deliver','SP-000019',2023,NULL,'2023-05-31',202302,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P2: delivered to date £10,000.00 (was £5,000.00)','pack/returns/2023-05.csv line 20',NULL,'9e40c47bda54d47789088d28cd58f56e7b9f1f87632c82eff0644827b08b9797','4882deb6d93652c0488826698f9599a8d89b3ccc13fe6c56ad92ddd72d224a23');
INSERT INTO entries VALUES(116,'deliver','SP-000020',2023,NULL,'2023-05-31',202302,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P2: delivered to date £15,416.00 (was £7,708.00)','pack/returns/2023-05.csv line 21',NULL,'4882deb6d93652c0488826698f9599a8d89b3ccc13fe6c56ad92ddd72d224a23','1cadf81c8d6c98120cc0a8e58d2bd9fff97e5ec29fa3245cdc933fe2a646e94c');
INSERT INTO entries VALUES(117,'deliver','SP-000021',2023,NULL,'2023-05-31',202302,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P2: delivered to date £8,333.00 (was £4,166.00)','pack/returns/2023-05.csv line 22',NULL,'1cadf81c8d6c98120cc0a8e58d2bd9fff97e5ec29fa3245cdc933fe2a646e94c','af1093f11b69e767c33a91a0e61d09b6a9ae64869b554838bdc3f0e4ca72488a');
INSERT INTO entries VALUES(118,'deliver','SP-000022',2023,NULL,'2023-05-31',202302,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P2: delivered to date £833.00 (was £416.00)','pack/returns/2023-05.csv line 23',NULL,'af1093f11b69e767c33a91a0e61d09b6a9ae64869b554838bdc3f0e4ca72488a','58ebfa4f7de7a87a82016f357c45f7647327e58578cc1b84cc7b0f3142eea40a');
INSERT INTO entries VALUES(119,'deliver','SP-000023',2023,NULL,'2023-05-31',202302,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P2: delivered to date £13,750.00 (was £6,875.00)','pack/returns/2023-05.csv line 24',NULL,'58ebfa4f7de7a87a82016f357c45f7647327e58578cc1b84cc7b0f3142eea40a','608378a5b3a3a81795e28e94163a9e74c147a1c23c8b5a6a8eed1d0224a9bbe1');
INSERT INTO entries VALUES(120,'deliver','SP-000024',2023,NULL,'2023-05-31',202302,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P2: delivered to date £8,750.00 (was £4,375.00)','pack/returns/2023-05.csv line 25',NULL,'608378a5b3a3a81795e28e94163a9e74c147a1c23c8b5a6a8eed1d0224a9bbe1','384b56b408e067ee6220bfeb25f471a360c58fddceb6a1476f03fa97d852aec7');
INSERT INTO entries VALUES(121,'deliver','SP-000001',2023,NULL,'2023-06-30',202303,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P3: delivered to date £10,625.00 (was £7,083.00)','pack/returns/2023-06.csv line 2',NULL,'384b56b408e067ee6220bfeb25f471a360c58fddceb6a1476f03fa97d852aec7','e6d13e8929f29789f8980e5c5b6de8f4d1b8731900347f20195c8cadc92b92c1');
INSERT INTO entries VALUES(122,'deliver','SP-000002',2023,NULL,'2023-06-30',202303,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P3: delivered to date £21,250.00 (was £14,166.00)','pack/returns/2023-06.csv line 3',NULL,'e6d13e8929f29789f8980e5c5b6de8f4d1b8731900347f20195c8cadc92b92c1','858f7bb7068784c2ac787343ea6ec3ffd6254367ed777597be6a25e9c9d58fd5');
INSERT INTO entries VALUES(123,'deliver','SP-000003',2023,NULL,'2023-06-30',202303,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P3: delivered to date £21,250.00 (was £14,166.00)','pack/returns/2023-06.csv line 4',NULL,'858f7bb7068784c2ac787343ea6ec3ffd6254367ed777597be6a25e9c9d58fd5','e8558b38ef48590abc2f79f52d76c1713e2732aad0d2ea22630fc7ae5f68237a');
INSERT INTO entries VALUES(124,'deliver','SP-000004',2023,NULL,'2023-06-30',202303,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P3: delivered to date £3,750.00 (was £2,500.00)','pack/returns/2023-06.csv line 5',NULL,'e8558b38ef48590abc2f79f52d76c1713e2732aad0d2ea22630fc7ae5f68237a','767d4ca0ba9dbd821cb503b1851467eb734379b45c5f8701e838f250dc08de10');
INSERT INTO entries VALUES(125,'deliver','SP-000005',2023,NULL,'2023-06-30',202303,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P3: delivered to date £12,500.00 (was £8,333.00)','pack/returns/2023-06.csv line 6',NULL,'767d4ca0ba9dbd821cb503b1851467eb734379b45c5f8701e838f250dc08de10','09ff233966cd262a42d742754fb814382ce5cf09a12c4121f2b75b34debdc4dc');
INSERT INTO entries VALUES(126,'deliver','SP-000006',2023,NULL,'2023-06-30',202303,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P3: delivered to date £16,875.00 (was £11,250.00)','pack/returns/2023-06.csv line 7',NULL,'09ff233966cd262a42d742754fb814382ce5cf09a12c4121f2b75b34debdc4dc','ed466666841c718a0f0a07bce35bf8bec104269ededb7093923d22f1d591ea9e');
INSERT INTO entries VALUES(127,'deliver','SP-000007',2023,NULL,'2023-06-30',202303,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P3: delivered to date £11,875.00 (was £7,916.00)','pack/returns/2023-06.csv line 8',NULL,'ed466666841c718a0f0a07bce35bf8bec104269ededb7093923d22f1d591ea9e','9907dc90b83ce900bf928c01393f9ee3689006665799653320e260743034e5f3');
INSERT INTO entries VALUES(128,'deliver','SP-000008',2023,NULL,'2023-06-30',202303,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P3: delivered to date £8,125.00 (was £5,416.00)','pack/returns/2023-06.csv line 9',NULL,'9907dc90b83ce900bf928c01393f9ee3689006665799653320e260743034e5f3','3028e180fbc5ad39b30984846fcb0ea20106a5f89a23de444473f9fac10d0921');
INSERT INTO entries VALUES(129,'deliver','SP-000009',2023,NULL,'2023-06-30',202303,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P3: delivered to date £8,750.00 (was £5,833.00)','pack/returns/2023-06.csv line 10',NULL,'3028e180fbc5ad39b30984846fcb0ea20106a5f89a23de444473f9fac10d0921','5fcb157c465889a5b5905a5f137e994cee975cb53df13d65f2956cdd717b40a4');
INSERT INTO entries VALUES(130,'deliver','SP-000010',2023,NULL,'2023-06-30',202303,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P3: delivered to date £11,875.00 (was £7,916.00)','pack/returns/2023-06.csv line 11',NULL,'5fcb157c465889a5b5905a5f137e994cee975cb53df13d65f2956cdd717b40a4','110daeac8cb80f9bc08ebf5b835612c03621bcfcdf7a8b77a3cfbd85a99b806e');
INSERT INTO entries VALUES(131,'deliver','SP-000011',2023,NULL,'2023-06-30',202303,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P3: delivered to date £24,375.00 (was £16,250.00)','pack/returns/2023-06.csv line 12',NULL,'110daeac8cb80f9bc08ebf5b835612c03621bcfcdf7a8b77a3cfbd85a99b806e','458860aaa2b137754804d2cbda99afddc87d8a8e5300d61d998032c77e16ac3a');
INSERT INTO entries VALUES(132,'deliver','SP-000012',2023,NULL,'2023-06-30',202303,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P3: delivered to date £2,187.00 (was £1,458.00)','pack/returns/2023-06.csv line 13',NULL,'458860aaa2b137754804d2cbda99afddc87d8a8e5300d61d998032c77e16ac3a','b0d29616e09e431ec531a5256355e78f8f2df131a004e548bc9230e38e01b103');
INSERT INTO entries VALUES(133,'deliver','SP-000013',2023,NULL,'2023-06-30',202303,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P3: delivered to date £15,000.00 (was £10,000.00)','pack/returns/2023-06.csv line 14',NULL,'b0d29616e09e431ec531a5256355e78f8f2df131a004e548bc9230e38e01b103','299e16b88ce76a4580ad08c895c506f4a019ac9a25e0f6fd394982f49a4dbd2d');
INSERT INTO entries VALUES(134,'deliver','SP-000014',2023,NULL,'2023-06-30',202303,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P3: delivered to date £16,250.00 (was £10,833.00)','pack/returns/2023-06.csv line 15',NULL,'299e16b88ce76a4580ad08c895c506f4a019ac9a25e0f6fd394982f49a4dbd2d','e860ee0dd323d0ec434d5175e38ea83fc009056f100738197c4908dd99c13772');
INSERT INTO entries VALUES(135,'deliver','SP-000015',2023,NULL,'2023-06-30',202303,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P3: delivered to date £6,875.00 (was £4,583.00)','pack/returns/2023-06.csv line 16',NULL,'e860ee0dd323d0ec434d5175e38ea83fc009056f100738197c4908dd99c13772','8b99953fdea7b8b8c2f27016a351f5aceff9ace7d089f44216362a0b4fca87d1');
INSERT INTO entries VALUES(136,'deliver','SP-000016',2023,NULL,'2023-06-30',202303,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P3: delivered to date £8,750.00 (was £5,833.00)','pack/returns/2023-06.csv line 17',NULL,'8b99953fdea7b8b8c2f27016a351f5aceff9ace7d089f44216362a0b4fca87d1','1477006b73743b8ddbd92e6b3a808dbed637215abba8c1d9a46fd790ef173340');
INSERT INTO entries VALUES(137,'deliver','SP-000017',2023,NULL,'2023-06-30',202303,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P3: delivered to date £11,250.00 (was £7,500.00)','pack/returns/2023-06.csv line 18',NULL,'1477006b73743b8ddbd92e6b3a808dbed637215abba8c1d9a46fd790ef173340','64bea9bd7c3dfcf6773db88598d7eee1ffd8badd17bd984985fc6e38d5d14825');
INSERT INTO entries VALUES(138,'deliver','SP-000018',2023,NULL,'2023-06-30',202303,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P3: delivered to date £11,875.00 (was £7,916.00)','pack/returns/2023-06.csv line 19',NULL,'64bea9bd7c3dfcf6773db88598d7eee1ffd8badd17bd984985fc6e38d5d14825','ac681590e75f98ba7684659963e4e9b6a86ba425fc8254449a61f5e96f42b485');
INSERT INTO entries VALUES(139,'deliver','SP-000019',2023,NULL,'2023-06-30',202303,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P3: delivered to date £15,000.00 (was £10,000.00)','pack/returns/2023-06.csv line 20',NULL,'ac681590e75f98ba7684659963e4e9b6a86ba425fc8254449a61f5e96f42b485','5bed3047d66c0d9c431facb2ae2532c66eeb08890bff7c0b24c16f1e2e2108ed');
INSERT INTO entries VALUES(140,'deliver','SP-000020',2023,NULL,'2023-06-30',202303,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P3: delivered to date £23,125.00 (was £15,416.00)','pack/returns/2023-06.csv line 21',NULL,'5bed3047d66c0d9c431facb2ae2532c66eeb08890bff7c0b24c16f1e2e2108ed','693e8ee1452ff1db30a62d4c54e74de28888d40e3f91700a46cc40df8a875002');
INSERT INTO entries VALUES(141,'deliver','SP-000021',2023,NULL,'2023-06-30',202303,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P3: delivered to date £12,500.00 (was £8,333.00)','pack/returns/2023-06.csv line 22',NULL,'693e8ee1452ff1db30a62d4c54e74de28888d40e3f91700a46cc40df8a875002','76af3098da7db41686d082e24ffd8972a5083a6e07475dbcc9438cb9f5a5b9a9');
INSERT INTO entries VALUES(142,'deliver','SP-000022',2023,NULL,'2023-06-30',202303,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P3: delivered to date £1,250.00 (was £833.00)','pack/returns/2023-06.csv line 23',NULL,'76af3098da7db41686d082e24ffd8972a5083a6e07475dbcc9438cb9f5a5b9a9','65fc0dc6a5bd00b9cce9e8066578e36093f6cd3c52b66dbc303b063c781960be');
INSERT INTO entries VALUES(143,'deliver','SP-000023',2023,NULL,'2023-06-30',202303,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P3: delivered to date £20,625.00 (was £13,750.00)','pack/returns/2023-06.csv line 24',NULL,'65fc0dc6a5bd00b9cce9e8066578e36093f6cd3c52b66dbc303b063c781960be','b5017b314b236efbe33bff437f5da83996308dd8f26ac1c8cbd8e75b9f34a4d4');
INSERT INTO entries VALUES(144,'deliver','SP-000024',2023,NULL,'2023-06-30',202303,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P3: delivered to date £13,125.00 (was £8,750.00)','pack/returns/2023-06.csv line 25',NULL,'b5017b314b236efbe33bff437f5da83996308dd8f26ac1c8cbd8e75b9f34a4d4','11d2ff257e148baff5d0129aabe5fa935f47ac02e19fd8a9dfff480ff7afa4ff');
INSERT INTO entries VALUES(145,'deliver','SP-000001',2023,NULL,'2023-07-31',202304,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P4: delivered to date £14,166.00 (was £10,625.00)','pack/returns/2023-07.csv line 2',NULL,'11d2ff257e148baff5d0129aabe5fa935f47ac02e19fd8a9dfff480ff7afa4ff','5dffcbd7b8f93666787ca75c46a75c55d3bc30c470db78fed95607a437b85857');
INSERT INTO entries VALUES(146,'deliver','SP-000002',2023,NULL,'2023-07-31',202304,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P4: delivered to date £28,333.00 (was £21,250.00)','pack/returns/2023-07.csv line 3',NULL,'5dffcbd7b8f93666787ca75c46a75c55d3bc30c470db78fed95607a437b85857','56a36e61e60f9f44748ea061b68878b23d2cea13d23ea25feac4053a5057466a');
INSERT INTO entries VALUES(147,'deliver','SP-000003',2023,NULL,'2023-07-31',202304,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P4: delivered to date £28,333.00 (was £21,250.00)','pack/returns/2023-07.csv line 4',NULL,'56a36e61e60f9f44748ea061b68878b23d2cea13d23ea25feac4053a5057466a','5dda07e951ed382a2b517785885d1ed77df2308d35eba015d5d2c17925db2232');
INSERT INTO entries VALUES(148,'deliver','SP-000004',2023,NULL,'2023-07-31',202304,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P4: delivered to date £5,000.00 (was £3,750.00)','pack/returns/2023-07.csv line 5',NULL,'5dda07e951ed382a2b517785885d1ed77df2308d35eba015d5d2c17925db2232','ffd4b97b1dde6fb008f50c4530b0b6d7f279b91609a6d347ead4ce0fd2f457f0');
INSERT INTO entries VALUES(149,'deliver','SP-000005',2023,NULL,'2023-07-31',202304,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P4: delivered to date £16,666.00 (was £12,500.00)','pack/returns/2023-07.csv line 6',NULL,'ffd4b97b1dde6fb008f50c4530b0b6d7f279b91609a6d347ead4ce0fd2f457f0','93e4b33d5945e50af097ca0110d64b7aa4756680cd4a03b766fb3420553bac54');
INSERT INTO entries VALUES(150,'deliver','SP-000006',2023,NULL,'2023-07-31',202304,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P4: delivered to date £22,500.00 (was £16,875.00)','pack/returns/2023-07.csv line 7',NULL,'93e4b33d5945e50af097ca0110d64b7aa4756680cd4a03b766fb3420553bac54','85629f7a9308dc9f4f129b8e4ec9f82e01fb62b765a86b2dcba10ee4455f2737');
INSERT INTO entries VALUES(151,'deliver','SP-000007',2023,NULL,'2023-07-31',202304,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P4: delivered to date £15,833.00 (was £11,875.00)','pack/returns/2023-07.csv line 8',NULL,'85629f7a9308dc9f4f129b8e4ec9f82e01fb62b765a86b2dcba10ee4455f2737','2f962014f23d06003369a65c454b777f994aef2242bd49cc66f61fd40149c09c');
INSERT INTO entries VALUES(152,'deliver','SP-000008',2023,NULL,'2023-07-31',202304,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P4: delivered to date £10,833.00 (was £8,125.00)','pack/returns/2023-07.csv line 9',NULL,'2f962014f23d06003369a65c454b777f994aef2242bd49cc66f61fd40149c09c','93491742aa9ecd16df1d5f6454752b48dd72ae9530b2763c9b97d897b410a9da');
INSERT INTO entries VALUES(153,'deliver','SP-000009',2023,NULL,'2023-07-31',202304,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P4: delivered to date £11,666.00 (was £8,750.00)','pack/returns/2023-07.csv line 10',NULL,'93491742aa9ecd16df1d5f6454752b48dd72ae9530b2763c9b97d897b410a9da','183cc873372fec145ce24ff5d1f0e9883eb5298f4a54e3be9286591a80632ec3');
INSERT INTO entries VALUES(154,'deliver','SP-000010',2023,NULL,'2023-07-31',202304,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P4: delivered to date £15,833.00 (was £11,875.00)','pack/returns/2023-07.csv line 11',NULL,'183cc873372fec145ce24ff5d1f0e9883eb5298f4a54e3be9286591a80632ec3','26ef67ceb96a652d414563c35928af2663467095530d6b2acd0a9c2397815bbf');
INSERT INTO entries VALUES(155,'deliver','SP-000011',2023,NULL,'2023-07-31',202304,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P4: delivered to date £32,500.00 (was £24,375.00)','pack/returns/2023-07.csv line 12',NULL,'26ef67ceb96a652d414563c35928af2663467095530d6b2acd0a9c2397815bbf','e5aeedc0959d05122b05dcec002806ecfd14423cb83d03e7ad4ef2ec5055600d');
INSERT INTO entries VALUES(156,'deliver','SP-000012',2023,NULL,'2023-07-31',202304,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P4: delivered to date £2,916.00 (was £2,187.00)','pack/returns/2023-07.csv line 13',NULL,'e5aeedc0959d05122b05dcec002806ecfd14423cb83d03e7ad4ef2ec5055600d','0ba3c557d1af9de6aa0cd603a9675502848c53a551308a984e79361f16fb9492');
INSERT INTO entries VALUES(157,'deliver','SP-000013',2023,NULL,'2023-07-31',202304,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P4: delivered to date £20,000.00 (was £15,000.00)','pack/returns/2023-07.csv line 14',NULL,'0ba3c557d1af9de6aa0cd603a9675502848c53a551308a984e79361f16fb9492','395a3ee09578d4043a7a31ae50cf8de307d5d659a635ab1af31f210080ff3519');
INSERT INTO entries VALUES(158,'deliver','SP-000015',2023,NULL,'2023-07-31',202304,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P4: delivered to date £9,166.00 (was £6,875.00)','pack/returns/2023-07.csv line 15',NULL,'395a3ee09578d4043a7a31ae50cf8de307d5d659a635ab1af31f210080ff3519','170b166abd9a60989b1ef044c635d27060a6ec4d21c416ddf4ce3a80960746f0');
INSERT INTO entries VALUES(159,'deliver','SP-000016',2023,NULL,'2023-07-31',202304,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P4: delivered to date £11,666.00 (was £8,750.00)','pack/returns/2023-07.csv line 16',NULL,'170b166abd9a60989b1ef044c635d27060a6ec4d21c416ddf4ce3a80960746f0','18964f6fd097e42c50bf9718615066cfe6a338e25e0c882d1c1b0d447f009511');
INSERT INTO entries VALUES(160,'deliver','SP-000017',2023,NULL,'2023-07-31',202304,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P4: delivered to date £15,000.00 (was £11,250.00)','pack/returns/2023-07.csv line 17',NULL,'18964f6fd097e42c50bf9718615066cfe6a338e25e0c882d1c1b0d447f009511','65dd244249fcee46558291b4248c87f4d6e20d2e7bf61f3090d3e498a2f47a3d');
INSERT INTO entries VALUES(161,'deliver','SP-000018',2023,NULL,'2023-07-31',202304,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P4: delivered to date £15,833.00 (was £11,875.00)','pack/returns/2023-07.csv line 18',NULL,'65dd244249fcee46558291b4248c87f4d6e20d2e7bf61f3090d3e498a2f47a3d','9688ae289e620f36f56ff079ae56a430b835d7681fd2dbce19f9d39c88062d02');
INSERT INTO entries VALUES(162,'deliver','SP-000019',2023,NULL,'2023-07-31',202304,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P4: delivered to date £20,000.00 (was £15,000.00)','pack/returns/2023-07.csv line 19',NULL,'9688ae289e620f36f56ff079ae56a430b835d7681fd2dbce19f9d39c88062d02','94706b1a90970049896d75044f719261b2436201e7890160fde28f5d977e0a04');
INSERT INTO entries VALUES(163,'deliver','SP-000020',2023,NULL,'2023-07-31',202304,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P4: delivered to date £30,833.00 (was £23,125.00)','pack/returns/2023-07.csv line 20',NULL,'94706b1a90970049896d75044f719261b2436201e7890160fde28f5d977e0a04','961d8cedd1628b3dc51c846ea155e3a7e0453689afab4d7c117d24a62aa151f2');
INSERT INTO entries VALUES(164,'deliver','SP-000021',2023,NULL,'2023-07-31',202304,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P4: delivered to date £16,666.00 (was £12,500.00)','pack/returns/2023-07.csv line 21',NULL,'961d8cedd1628b3dc51c846ea155e3a7e0453689afab4d7c117d24a62aa151f2','1d5f2ed5e43567b378f66c67f239497a61dbc8d8b3b4227e9336a05100afbe89');
INSERT INTO entries VALUES(165,'deliver','SP-000022',2023,NULL,'2023-07-31',202304,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P4: delivered to date £1,666.00 (was £1,250.00)','pack/returns/2023-07.csv line 22',NULL,'1d5f2ed5e43567b378f66c67f239497a61dbc8d8b3b4227e9336a05100afbe89','f82350fc028730d2fdce3d9402f256bd8a02352a5b899d10cd9f8a0175a377b9');
INSERT INTO entries VALUES(166,'deliver','SP-000023',2023,NULL,'2023-07-31',202304,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P4: delivered to date £27,500.00 (was £20,625.00)','pack/returns/2023-07.csv line 23',NULL,'f82350fc028730d2fdce3d9402f256bd8a02352a5b899d10cd9f8a0175a377b9','bcd3607f6fcc1aaa7b19f4b180a5db8b4bd3a75cefe4f38d3314bbb9a4a2a86e');
INSERT INTO entries VALUES(167,'deliver','SP-000024',2023,NULL,'2023-07-31',202304,'2023-08-15T09:00:00Z','Loader','monthly return 2023/24 P4: delivered to date £17,500.00 (was £13,125.00)','pack/returns/2023-07.csv line 24',NULL,'bcd3607f6fcc1aaa7b19f4b180a5db8b4bd3a75cefe4f38d3314bbb9a4a2a86e','63a4945930a7484254ecb69464639be454df9577414de17b0ceadf69f1f32e1a');
INSERT INTO entries VALUES(168,'deliver','SP-000001',2023,NULL,'2023-08-31',202305,'2023-08-15T09:00:00Z','Finance BP','','command line: mtfs deliver SP-000001 1,000 --period 2023-08 --as ''Finance BP''',NULL,'63a4945930a7484254ecb69464639be454df9577414de17b0ceadf69f1f32e1a','847d99ab85f71dafdf1b4ad1f4644076d5e0cd9f3c0cea87fa1218ec23e01745');
CREATE TABLE postings (
    entry   INTEGER NOT NULL REFERENCES entries(id) DEFERRABLE INITIALLY DEFERRED,
    account INTEGER NOT NULL REFERENCES accounts(id),
    amount  INTEGER NOT NULL CHECK (amount <> 0),
    PRIMARY KEY (entry, account)
) STRICT, WITHOUT ROWID;
INSERT INTO postings VALUES(31,1,-9750000);
INSERT INTO postings VALUES(58,1,-9250000);
INSERT INTO postings VALUES(4,1,-8500000);
INSERT INTO postings VALUES(7,1,-8500000);
INSERT INTO postings VALUES(67,1,-8250000);
INSERT INTO postings VALUES(16,1,-6750000);
INSERT INTO postings VALUES(40,1,-6500000);
INSERT INTO postings VALUES(37,1,-6000000);
INSERT INTO postings VALUES(55,1,-6000000);
INSERT INTO postings VALUES(70,1,-5250000);
INSERT INTO postings VALUES(13,1,-5000000);
INSERT INTO postings VALUES(61,1,-5000000);
INSERT INTO postings VALUES(19,1,-4750000);
INSERT INTO postings VALUES(28,1,-4750000);
INSERT INTO postings VALUES(52,1,-4750000);
INSERT INTO postings VALUES(49,1,-4500000);
INSERT INTO postings VALUES(1,1,-4250000);
INSERT INTO postings VALUES(25,1,-3500000);
INSERT INTO postings VALUES(46,1,-3500000);
INSERT INTO postings VALUES(22,1,-3250000);
INSERT INTO postings VALUES(43,1,-2750000);
INSERT INTO postings VALUES(34,1,-1750000);
INSERT INTO postings VALUES(10,1,-1500000);
INSERT INTO postings VALUES(64,1,-500000);
INSERT INTO postings VALUES(97,2,-177100);
INSERT INTO postings VALUES(121,2,-177100);
INSERT INTO postings VALUES(73,2,-177050);
INSERT INTO postings VALUES(145,2,-177050);
INSERT INTO postings VALUES(168,2,-50000);
INSERT INTO postings VALUES(1,2,2125000);
INSERT INTO postings VALUES(97,3,-177100);
INSERT INTO postings VALUES(121,3,-177100);
INSERT INTO postings VALUES(73,3,-177050);
INSERT INTO postings VALUES(145,3,-177050);
INSERT INTO postings VALUES(168,3,-50000);
INSERT INTO postings VALUES(1,3,2125000);
INSERT INTO postings VALUES(65,4,-9000000);
INSERT INTO postings VALUES(68,4,-9000000);
INSERT INTO postings VALUES(32,4,-8750000);
INSERT INTO postings VALUES(41,4,-8250000);
INSERT INTO postings VALUES(11,4,-8000000);
INSERT INTO postings VALUES(47,4,-8000000);
INSERT INTO postings VALUES(35,4,-7250000);
INSERT INTO postings VALUES(14,4,-6500000);
INSERT INTO postings VALUES(23,4,-6500000);
INSERT INTO postings VALUES(50,4,-5750000);
INSERT INTO postings VALUES(59,4,-5750000);
INSERT INTO postings VALUES(44,4,-5500000);
INSERT INTO postings VALUES(20,4,-5250000);
INSERT INTO postings VALUES(56,4,-5000000);
INSERT INTO postings VALUES(8,4,-4500000);
INSERT INTO postings VALUES(26,4,-4500000);
INSERT INTO postings VALUES(29,4,-4250000);
INSERT INTO postings VALUES(53,4,-4250000);
INSERT INTO postings VALUES(71,4,-4250000);
INSERT INTO postings VALUES(17,4,-2750000);
INSERT INTO postings VALUES(5,4,-2500000);
INSERT INTO postings VALUES(38,4,-2500000);
INSERT INTO postings VALUES(62,4,-1500000);
INSERT INTO postings VALUES(2,4,-750000);
INSERT INTO postings VALUES(2,5,375000);
INSERT INTO postings VALUES(2,6,375000);
INSERT INTO postings VALUES(30,7,-10000000);
INSERT INTO postings VALUES(33,7,-10000000);
INSERT INTO postings VALUES(57,7,-9750000);
INSERT INTO postings VALUES(45,7,-8500000);
INSERT INTO postings VALUES(6,7,-8000000);
INSERT INTO postings VALUES(51,7,-7750000);
INSERT INTO postings VALUES(3,7,-7500000);
INSERT INTO postings VALUES(15,7,-6750000);
INSERT INTO postings VALUES(39,7,-6750000);
INSERT INTO postings VALUES(36,7,-6500000);
INSERT INTO postings VALUES(12,7,-5500000);
INSERT INTO postings VALUES(69,7,-5500000);
INSERT INTO postings VALUES(9,7,-4750000);
INSERT INTO postings VALUES(48,7,-4750000);
INSERT INTO postings VALUES(42,7,-4500000);
INSERT INTO postings VALUES(27,7,-3250000);
INSERT INTO postings VALUES(18,7,-2000000);
INSERT INTO postings VALUES(72,7,-2000000);
INSERT INTO postings VALUES(24,7,-1250000);
INSERT INTO postings VALUES(63,7,-1250000);
INSERT INTO postings VALUES(66,7,-1250000);
INSERT INTO postings VALUES(54,7,-750000);
INSERT INTO postings VALUES(60,7,-500000);
INSERT INTO postings VALUES(21,7,-250000);
INSERT INTO postings VALUES(3,8,3750000);
INSERT INTO postings VALUES(3,9,3750000);
INSERT INTO postings VALUES(122,10,-236133);
INSERT INTO postings VALUES(74,10,-236100);
INSERT INTO postings VALUES(98,10,-236100);
INSERT INTO postings VALUES(146,10,-236100);
INSERT INTO postings VALUES(4,10,2833333);
INSERT INTO postings VALUES(122,11,-236133);
INSERT INTO postings VALUES(98,11,-236100);
INSERT INTO postings VALUES(146,11,-236100);
INSERT INTO postings VALUES(74,11,-236099);
INSERT INTO postings VALUES(4,11,2833333);
INSERT INTO postings VALUES(122,12,-236134);
INSERT INTO postings VALUES(74,12,-236101);
INSERT INTO postings VALUES(98,12,-236100);
INSERT INTO postings VALUES(146,12,-236100);
INSERT INTO postings VALUES(4,12,2833334);
INSERT INTO postings VALUES(5,13,833333);
INSERT INTO postings VALUES(5,14,833333);
INSERT INTO postings VALUES(5,15,833334);
INSERT INTO postings VALUES(6,16,2666666);
INSERT INTO postings VALUES(6,17,2666666);
INSERT INTO postings VALUES(6,18,2666668);
INSERT INTO postings VALUES(123,19,-708400);
INSERT INTO postings VALUES(75,19,-708300);
INSERT INTO postings VALUES(99,19,-708300);
INSERT INTO postings VALUES(147,19,-708300);
INSERT INTO postings VALUES(7,19,8500000);
INSERT INTO postings VALUES(8,20,4500000);
INSERT INTO postings VALUES(9,21,4750000);
INSERT INTO postings VALUES(76,22,-31250);
INSERT INTO postings VALUES(100,22,-31250);
INSERT INTO postings VALUES(124,22,-31250);
INSERT INTO postings VALUES(148,22,-31250);
INSERT INTO postings VALUES(10,22,375000);
INSERT INTO postings VALUES(76,23,-62500);
INSERT INTO postings VALUES(100,23,-62500);
INSERT INTO postings VALUES(124,23,-62500);
INSERT INTO postings VALUES(148,23,-62500);
INSERT INTO postings VALUES(10,23,750000);
INSERT INTO postings VALUES(76,24,-31250);
INSERT INTO postings VALUES(100,24,-31250);
INSERT INTO postings VALUES(124,24,-31250);
INSERT INTO postings VALUES(148,24,-31250);
INSERT INTO postings VALUES(10,24,375000);
INSERT INTO postings VALUES(11,25,2000000);
INSERT INTO postings VALUES(11,26,4000000);
INSERT INTO postings VALUES(11,27,2000000);
INSERT INTO postings VALUES(12,28,1375000);
INSERT INTO postings VALUES(12,29,2750000);
INSERT INTO postings VALUES(12,30,1375000);
INSERT INTO postings VALUES(101,31,-208350);
INSERT INTO postings VALUES(125,31,-208350);
INSERT INTO postings VALUES(77,31,-208300);
INSERT INTO postings VALUES(149,31,-208300);
INSERT INTO postings VALUES(13,31,2500000);
INSERT INTO postings VALUES(101,32,-208350);
INSERT INTO postings VALUES(125,32,-208350);
INSERT INTO postings VALUES(77,32,-208300);
INSERT INTO postings VALUES(149,32,-208300);
INSERT INTO postings VALUES(13,32,2500000);
INSERT INTO postings VALUES(14,33,3250000);
INSERT INTO postings VALUES(14,34,3250000);
INSERT INTO postings VALUES(15,35,3375000);
INSERT INTO postings VALUES(15,36,3375000);
INSERT INTO postings VALUES(78,37,-187500);
INSERT INTO postings VALUES(102,37,-187500);
INSERT INTO postings VALUES(126,37,-187500);
INSERT INTO postings VALUES(150,37,-187500);
INSERT INTO postings VALUES(16,37,2250000);
INSERT INTO postings VALUES(78,38,-187500);
INSERT INTO postings VALUES(102,38,-187500);
INSERT INTO postings VALUES(126,38,-187500);
INSERT INTO postings VALUES(150,38,-187500);
INSERT INTO postings VALUES(16,38,2250000);
INSERT INTO postings VALUES(78,39,-187500);
INSERT INTO postings VALUES(102,39,-187500);
INSERT INTO postings VALUES(126,39,-187500);
INSERT INTO postings VALUES(150,39,-187500);
INSERT INTO postings VALUES(16,39,2250000);
INSERT INTO postings VALUES(17,40,916666);
INSERT INTO postings VALUES(17,41,916668);
INSERT INTO postings VALUES(17,42,916666);
INSERT INTO postings VALUES(18,43,666666);
INSERT INTO postings VALUES(18,44,666668);
INSERT INTO postings VALUES(18,45,666666);
INSERT INTO postings VALUES(127,46,-395900);
INSERT INTO postings VALUES(79,46,-395800);
INSERT INTO postings VALUES(103,46,-395800);
INSERT INTO postings VALUES(151,46,-395800);
INSERT INTO postings VALUES(19,46,4750000);
INSERT INTO postings VALUES(20,47,5250000);
INSERT INTO postings VALUES(21,48,250000);
INSERT INTO postings VALUES(128,49,-135450);
INSERT INTO postings VALUES(80,49,-135400);
INSERT INTO postings VALUES(104,49,-135400);
INSERT INTO postings VALUES(152,49,-135400);
INSERT INTO postings VALUES(22,49,1625000);
INSERT INTO postings VALUES(128,50,-135450);
INSERT INTO postings VALUES(80,50,-135400);
INSERT INTO postings VALUES(104,50,-135400);
INSERT INTO postings VALUES(152,50,-135400);
INSERT INTO postings VALUES(22,50,1625000);
INSERT INTO postings VALUES(23,51,3250000);
INSERT INTO postings VALUES(23,52,3250000);
INSERT INTO postings VALUES(24,53,625000);
INSERT INTO postings VALUES(24,54,625000);
INSERT INTO postings VALUES(105,55,-145850);
INSERT INTO postings VALUES(129,55,-145850);
INSERT INTO postings VALUES(81,55,-145800);
INSERT INTO postings VALUES(153,55,-145800);
INSERT INTO postings VALUES(25,55,1750000);
INSERT INTO postings VALUES(105,56,-145850);
INSERT INTO postings VALUES(129,56,-145850);
INSERT INTO postings VALUES(81,56,-145800);
INSERT INTO postings VALUES(153,56,-145800);
INSERT INTO postings VALUES(25,56,1750000);
INSERT INTO postings VALUES(26,57,2250000);
INSERT INTO postings VALUES(26,58,2250000);
INSERT INTO postings VALUES(27,59,1625000);
INSERT INTO postings VALUES(27,60,1625000);
INSERT INTO postings VALUES(130,61,-197950);
INSERT INTO postings VALUES(82,61,-197900);
INSERT INTO postings VALUES(106,61,-197900);
INSERT INTO postings VALUES(154,61,-197900);
INSERT INTO postings VALUES(28,61,2375000);
INSERT INTO postings VALUES(130,62,-197950);
INSERT INTO postings VALUES(82,62,-197900);
INSERT INTO postings VALUES(106,62,-197900);
INSERT INTO postings VALUES(154,62,-197900);
INSERT INTO postings VALUES(28,62,2375000);
INSERT INTO postings VALUES(29,63,2125000);
INSERT INTO postings VALUES(29,64,2125000);
INSERT INTO postings VALUES(30,65,5000000);
INSERT INTO postings VALUES(30,66,5000000);
INSERT INTO postings VALUES(83,67,-406250);
INSERT INTO postings VALUES(107,67,-406250);
INSERT INTO postings VALUES(131,67,-406250);
INSERT INTO postings VALUES(155,67,-406250);
INSERT INTO postings VALUES(31,67,4875000);
INSERT INTO postings VALUES(83,68,-406250);
INSERT INTO postings VALUES(107,68,-406250);
INSERT INTO postings VALUES(131,68,-406250);
INSERT INTO postings VALUES(155,68,-406250);
INSERT INTO postings VALUES(31,68,4875000);
INSERT INTO postings VALUES(32,69,4375000);
INSERT INTO postings VALUES(32,70,4375000);
INSERT INTO postings VALUES(33,71,5000000);
INSERT INTO postings VALUES(33,72,5000000);
INSERT INTO postings VALUES(84,73,-18225);
INSERT INTO postings VALUES(108,73,-18225);
INSERT INTO postings VALUES(132,73,-18225);
INSERT INTO postings VALUES(156,73,-18225);
INSERT INTO postings VALUES(34,73,437500);
INSERT INTO postings VALUES(84,74,-36450);
INSERT INTO postings VALUES(108,74,-36450);
INSERT INTO postings VALUES(132,74,-36450);
INSERT INTO postings VALUES(156,74,-36450);
INSERT INTO postings VALUES(34,74,875000);
INSERT INTO postings VALUES(84,75,-18225);
INSERT INTO postings VALUES(108,75,-18225);
INSERT INTO postings VALUES(132,75,-18225);
INSERT INTO postings VALUES(156,75,-18225);
INSERT INTO postings VALUES(34,75,437500);
INSERT INTO postings VALUES(35,76,1812500);
INSERT INTO postings VALUES(35,77,3625000);
INSERT INTO postings VALUES(35,78,1812500);
INSERT INTO postings VALUES(36,79,1625000);
INSERT INTO postings VALUES(36,80,3250000);
INSERT INTO postings VALUES(36,81,1625000);
INSERT INTO postings VALUES(85,82,-250000);
INSERT INTO postings VALUES(109,82,-250000);
INSERT INTO postings VALUES(133,82,-250000);
INSERT INTO postings VALUES(157,82,-250000);
INSERT INTO postings VALUES(37,82,3000000);
INSERT INTO postings VALUES(85,83,-250000);
INSERT INTO postings VALUES(109,83,-250000);
INSERT INTO postings VALUES(133,83,-250000);
INSERT INTO postings VALUES(157,83,-250000);
INSERT INTO postings VALUES(37,83,3000000);
INSERT INTO postings VALUES(38,84,1250000);
INSERT INTO postings VALUES(38,85,1250000);
INSERT INTO postings VALUES(39,86,3375000);
INSERT INTO postings VALUES(39,87,3375000);
INSERT INTO postings VALUES(110,88,-541700);
INSERT INTO postings VALUES(134,88,-541700);
INSERT INTO postings VALUES(86,88,-541600);
INSERT INTO postings VALUES(40,88,6500000);
INSERT INTO postings VALUES(41,89,8250000);
INSERT INTO postings VALUES(42,90,4500000);
INSERT INTO postings VALUES(111,91,-57300);
INSERT INTO postings VALUES(135,91,-57300);
INSERT INTO postings VALUES(87,91,-57275);
INSERT INTO postings VALUES(158,91,-57275);
INSERT INTO postings VALUES(43,91,687500);
INSERT INTO postings VALUES(111,92,-114600);
INSERT INTO postings VALUES(135,92,-114600);
INSERT INTO postings VALUES(87,92,-114550);
INSERT INTO postings VALUES(158,92,-114550);
INSERT INTO postings VALUES(43,92,1375000);
INSERT INTO postings VALUES(111,93,-57300);
INSERT INTO postings VALUES(135,93,-57300);
INSERT INTO postings VALUES(87,93,-57275);
INSERT INTO postings VALUES(158,93,-57275);
INSERT INTO postings VALUES(43,93,687500);
INSERT INTO postings VALUES(44,94,1375000);
INSERT INTO postings VALUES(44,95,2750000);
INSERT INTO postings VALUES(44,96,1375000);
INSERT INTO postings VALUES(45,97,2125000);
INSERT INTO postings VALUES(45,98,4250000);
INSERT INTO postings VALUES(45,99,2125000);
INSERT INTO postings VALUES(112,100,-145850);
INSERT INTO postings VALUES(136,100,-145850);
INSERT INTO postings VALUES(88,100,-145800);
INSERT INTO postings VALUES(159,100,-145800);
INSERT INTO postings VALUES(46,100,1750000);
INSERT INTO postings VALUES(112,101,-145850);
INSERT INTO postings VALUES(136,101,-145850);
INSERT INTO postings VALUES(88,101,-145800);
INSERT INTO postings VALUES(159,101,-145800);
INSERT INTO postings VALUES(46,101,1750000);
INSERT INTO postings VALUES(47,102,4000000);
INSERT INTO postings VALUES(47,103,4000000);
INSERT INTO postings VALUES(48,104,2375000);
INSERT INTO postings VALUES(48,105,2375000);
INSERT INTO postings VALUES(89,106,-125000);
INSERT INTO postings VALUES(113,106,-125000);
INSERT INTO postings VALUES(137,106,-125000);
INSERT INTO postings VALUES(160,106,-125000);
INSERT INTO postings VALUES(49,106,1500000);
INSERT INTO postings VALUES(89,107,-125000);
INSERT INTO postings VALUES(113,107,-125000);
INSERT INTO postings VALUES(137,107,-125000);
INSERT INTO postings VALUES(160,107,-125000);
INSERT INTO postings VALUES(49,107,1500000);
INSERT INTO postings VALUES(89,108,-125000);
INSERT INTO postings VALUES(113,108,-125000);
INSERT INTO postings VALUES(137,108,-125000);
INSERT INTO postings VALUES(160,108,-125000);
INSERT INTO postings VALUES(49,108,1500000);
INSERT INTO postings VALUES(50,109,1916666);
INSERT INTO postings VALUES(50,110,1916668);
INSERT INTO postings VALUES(50,111,1916666);
INSERT INTO postings VALUES(51,112,2583333);
INSERT INTO postings VALUES(51,113,2583334);
INSERT INTO postings VALUES(51,114,2583333);
INSERT INTO postings VALUES(138,115,-197950);
INSERT INTO postings VALUES(90,115,-197900);
INSERT INTO postings VALUES(114,115,-197900);
INSERT INTO postings VALUES(161,115,-197900);
INSERT INTO postings VALUES(52,115,2375000);
INSERT INTO postings VALUES(138,116,-197950);
INSERT INTO postings VALUES(90,116,-197900);
INSERT INTO postings VALUES(114,116,-197900);
INSERT INTO postings VALUES(161,116,-197900);
INSERT INTO postings VALUES(52,116,2375000);
INSERT INTO postings VALUES(53,117,2125000);
INSERT INTO postings VALUES(53,118,2125000);
INSERT INTO postings VALUES(54,119,375000);
INSERT INTO postings VALUES(54,120,375000);
INSERT INTO postings VALUES(91,121,-500000);
INSERT INTO postings VALUES(115,121,-500000);
INSERT INTO postings VALUES(139,121,-500000);
INSERT INTO postings VALUES(162,121,-500000);
INSERT INTO postings VALUES(55,121,6000000);
INSERT INTO postings VALUES(56,122,5000000);
INSERT INTO postings VALUES(57,123,9750000);
INSERT INTO postings VALUES(140,124,-385450);
INSERT INTO postings VALUES(92,124,-385400);
INSERT INTO postings VALUES(116,124,-385400);
INSERT INTO postings VALUES(163,124,-385400);
INSERT INTO postings VALUES(58,124,4625000);
INSERT INTO postings VALUES(140,125,-385450);
INSERT INTO postings VALUES(92,125,-385400);
INSERT INTO postings VALUES(116,125,-385400);
INSERT INTO postings VALUES(163,125,-385400);
INSERT INTO postings VALUES(58,125,4625000);
INSERT INTO postings VALUES(59,126,2875000);
INSERT INTO postings VALUES(59,127,2875000);
INSERT INTO postings VALUES(60,128,250000);
INSERT INTO postings VALUES(60,129,250000);
INSERT INTO postings VALUES(117,130,-138900);
INSERT INTO postings VALUES(141,130,-138900);
INSERT INTO postings VALUES(93,130,-138866);
INSERT INTO postings VALUES(164,130,-138866);
INSERT INTO postings VALUES(61,130,1666666);
INSERT INTO postings VALUES(117,131,-138901);
INSERT INTO postings VALUES(141,131,-138900);
INSERT INTO postings VALUES(93,131,-138867);
INSERT INTO postings VALUES(164,131,-138867);
INSERT INTO postings VALUES(61,131,1666668);
INSERT INTO postings VALUES(141,132,-138900);
INSERT INTO postings VALUES(117,132,-138899);
INSERT INTO postings VALUES(93,132,-138867);
INSERT INTO postings VALUES(164,132,-138867);
INSERT INTO postings VALUES(61,132,1666666);
INSERT INTO postings VALUES(62,133,500000);
INSERT INTO postings VALUES(62,134,500000);
INSERT INTO postings VALUES(62,135,500000);
INSERT INTO postings VALUES(63,136,416666);
INSERT INTO postings VALUES(63,137,416668);
INSERT INTO postings VALUES(63,138,416666);
INSERT INTO postings VALUES(118,139,-10425);
INSERT INTO postings VALUES(142,139,-10425);
INSERT INTO postings VALUES(94,139,-10400);
INSERT INTO postings VALUES(165,139,-10400);
INSERT INTO postings VALUES(64,139,125000);
INSERT INTO postings VALUES(118,140,-20850);
INSERT INTO postings VALUES(142,140,-20850);
INSERT INTO postings VALUES(94,140,-20800);
INSERT INTO postings VALUES(165,140,-20800);
INSERT INTO postings VALUES(64,140,250000);
INSERT INTO postings VALUES(118,141,-10425);
INSERT INTO postings VALUES(142,141,-10425);
INSERT INTO postings VALUES(94,141,-10400);
INSERT INTO postings VALUES(165,141,-10400);
INSERT INTO postings VALUES(64,141,125000);
INSERT INTO postings VALUES(65,142,2250000);
INSERT INTO postings VALUES(65,143,4500000);
INSERT INTO postings VALUES(65,144,2250000);
INSERT INTO postings VALUES(66,145,312500);
INSERT INTO postings VALUES(66,146,625000);
INSERT INTO postings VALUES(66,147,312500);
INSERT INTO postings VALUES(95,148,-343750);
INSERT INTO postings VALUES(119,148,-343750);
INSERT INTO postings VALUES(143,148,-343750);
INSERT INTO postings VALUES(166,148,-343750);
INSERT INTO postings VALUES(67,148,4125000);
INSERT INTO postings VALUES(95,149,-343750);
INSERT INTO postings VALUES(119,149,-343750);
INSERT INTO postings VALUES(143,149,-343750);
INSERT INTO postings VALUES(166,149,-343750);
INSERT INTO postings VALUES(67,149,4125000);
INSERT INTO postings VALUES(68,150,4500000);
INSERT INTO postings VALUES(68,151,4500000);
INSERT INTO postings VALUES(69,152,2750000);
INSERT INTO postings VALUES(69,153,2750000);
INSERT INTO postings VALUES(96,154,-437500);
INSERT INTO postings VALUES(120,154,-437500);
INSERT INTO postings VALUES(144,154,-437500);
INSERT INTO postings VALUES(167,154,-437500);
INSERT INTO postings VALUES(70,154,5250000);
INSERT INTO postings VALUES(71,155,4250000);
INSERT INTO postings VALUES(72,156,2000000);
INSERT INTO postings VALUES(168,157,50000);
INSERT INTO postings VALUES(73,157,177050);
INSERT INTO postings VALUES(145,157,177050);
INSERT INTO postings VALUES(97,157,177100);
INSERT INTO postings VALUES(121,157,177100);
INSERT INTO postings VALUES(168,158,50000);
INSERT INTO postings VALUES(73,158,177050);
INSERT INTO postings VALUES(145,158,177050);
INSERT INTO postings VALUES(97,158,177100);
INSERT INTO postings VALUES(121,158,177100);
INSERT INTO postings VALUES(74,159,236100);
INSERT INTO postings VALUES(98,159,236100);
INSERT INTO postings VALUES(146,159,236100);
INSERT INTO postings VALUES(122,159,236133);
INSERT INTO postings VALUES(74,160,236099);
INSERT INTO postings VALUES(98,160,236100);
INSERT INTO postings VALUES(146,160,236100);
INSERT INTO postings VALUES(122,160,236133);
INSERT INTO postings VALUES(98,161,236100);
INSERT INTO postings VALUES(146,161,236100);
INSERT INTO postings VALUES(74,161,236101);
INSERT INTO postings VALUES(122,161,236134);
INSERT INTO postings VALUES(75,162,708300);
INSERT INTO postings VALUES(99,162,708300);
INSERT INTO postings VALUES(147,162,708300);
INSERT INTO postings VALUES(123,162,708400);
INSERT INTO postings VALUES(76,163,31250);
INSERT INTO postings VALUES(100,163,31250);
INSERT INTO postings VALUES(124,163,31250);
INSERT INTO postings VALUES(148,163,31250);
INSERT INTO postings VALUES(76,164,62500);
INSERT INTO postings VALUES(100,164,62500);
INSERT INTO postings VALUES(124,164,62500);
INSERT INTO postings VALUES(148,164,62500);
INSERT INTO postings VALUES(76,165,31250);
INSERT INTO postings VALUES(100,165,31250);
INSERT INTO postings VALUES(124,165,31250);
INSERT INTO postings VALUES(148,165,31250);
INSERT INTO postings VALUES(77,166,208300);
INSERT INTO postings VALUES(149,166,208300);
INSERT INTO postings VALUES(101,166,208350);
INSERT INTO postings VALUES(125,166,208350);
INSERT INTO postings VALUES(77,167,208300);
INSERT INTO postings VALUES(149,167,208300);
INSERT INTO postings VALUES(101,167,208350);
INSERT INTO postings VALUES(125,167,208350);
INSERT INTO postings VALUES(78,168,187500);
INSERT INTO postings VALUES(102,168,187500);
INSERT INTO postings VALUES(126,168,187500);
INSERT INTO postings VALUES(150,168,187500);
INSERT INTO postings VALUES(78,169,187500);
INSERT INTO postings VALUES(102,169,187500);
INSERT INTO postings VALUES(126,169,187500);
INSERT INTO postings VALUES(150,169,187500);
INSERT INTO postings VALUES(78,170,187500);
INSERT INTO postings VALUES(102,170,187500);
INSERT INTO postings VALUES(126,170,187500);
INSERT INTO postings VALUES(150,170,187500);
INSERT INTO postings VALUES(79,171,395800);
INSERT INTO postings VALUES(103,171,395800);
INSERT INTO postings VALUES(151,171,395800);
INSERT INTO postings VALUES(127,171,395900);
INSERT INTO postings VALUES(80,172,135400);
INSERT INTO postings VALUES(104,172,135400);
INSERT INTO postings VALUES(152,172,135400);
INSERT INTO postings VALUES(128,172,135450);
INSERT INTO postings VALUES(80,173,135400);
INSERT INTO postings VALUES(104,173,135400);
INSERT INTO postings VALUES(152,173,135400);
INSERT INTO postings VALUES(128,173,135450);
INSERT INTO postings VALUES(81,174,145800);
INSERT INTO postings VALUES(153,174,145800);
INSERT INTO postings VALUES(105,174,145850);
INSERT INTO postings VALUES(129,174,145850);
INSERT INTO postings VALUES(81,175,145800);
INSERT INTO postings VALUES(153,175,145800);
INSERT INTO postings VALUES(105,175,145850);
INSERT INTO postings VALUES(129,175,145850);
INSERT INTO postings VALUES(82,176,197900);
INSERT INTO postings VALUES(106,176,197900);
INSERT INTO postings VALUES(154,176,197900);
INSERT INTO postings VALUES(130,176,197950);
INSERT INTO postings VALUES(82,177,197900);
INSERT INTO postings VALUES(106,177,197900);
INSERT INTO postings VALUES(154,177,197900);
INSERT INTO postings VALUES(130,177,197950);
INSERT INTO postings VALUES(83,178,406250);
INSERT INTO postings VALUES(107,178,406250);
INSERT INTO postings VALUES(131,178,406250);
INSERT INTO postings VALUES(155,178,406250);
INSERT INTO postings VALUES(83,179,406250);
INSERT INTO postings VALUES(107,179,406250);
INSERT INTO postings VALUES(131,179,406250);
INSERT INTO postings VALUES(155,179,406250);
INSERT INTO postings VALUES(84,180,18225);
INSERT INTO postings VALUES(108,180,18225);
INSERT INTO postings VALUES(132,180,18225);
INSERT INTO postings VALUES(156,180,18225);
INSERT INTO postings VALUES(84,181,36450);
INSERT INTO postings VALUES(108,181,36450);
INSERT INTO postings VALUES(132,181,36450);
INSERT INTO postings VALUES(156,181,36450);
INSERT INTO postings VALUES(84,182,18225);
INSERT INTO postings VALUES(108,182,18225);
INSERT INTO postings VALUES(132,182,18225);
INSERT INTO postings VALUES(156,182,18225);
INSERT INTO postings VALUES(85,183,250000);
INSERT INTO postings VALUES(109,183,250000);
INSERT INTO postings VALUES(133,183,250000);
INSERT INTO postings VALUES(157,183,250000);
INSERT INTO postings VALUES(85,184,250000);
INSERT INTO postings VALUES(109,184,250000);
INSERT INTO postings VALUES(133,184,250000);
INSERT INTO postings VALUES(157,184,250000);
INSERT INTO postings VALUES(86,185,541600);
INSERT INTO postings VALUES(110,185,541700);
INSERT INTO postings VALUES(134,185,541700);
INSERT INTO postings VALUES(87,186,57275);
INSERT INTO postings VALUES(158,186,57275);
INSERT INTO postings VALUES(111,186,57300);
INSERT INTO postings VALUES(135,186,57300);
INSERT INTO postings VALUES(87,187,114550);
INSERT INTO postings VALUES(158,187,114550);
INSERT INTO postings VALUES(111,187,114600);
INSERT INTO postings VALUES(135,187,114600);
INSERT INTO postings VALUES(87,188,57275);
INSERT INTO postings VALUES(158,188,57275);
INSERT INTO postings VALUES(111,188,57300);
INSERT INTO postings VALUES(135,188,57300);
INSERT INTO postings VALUES(88,189,145800);
INSERT INTO postings VALUES(159,189,145800);
INSERT INTO postings VALUES(112,189,145850);
INSERT INTO postings VALUES(136,189,145850);
INSERT INTO postings VALUES(88,190,145800);
INSERT INTO postings VALUES(159,190,145800);
INSERT INTO postings VALUES(112,190,145850);
INSERT INTO postings VALUES(136,190,145850);
INSERT INTO postings VALUES(89,191,125000);
INSERT INTO postings VALUES(113,191,125000);
INSERT INTO postings VALUES(137,191,125000);
INSERT INTO postings VALUES(160,191,125000);
INSERT INTO postings VALUES(89,192,125000);
INSERT INTO postings VALUES(113,192,125000);
INSERT INTO postings VALUES(137,192,125000);
INSERT INTO postings VALUES(160,192,125000);
INSERT INTO postings VALUES(89,193,125000);
INSERT INTO postings VALUES(113,193,125000);
INSERT INTO postings VALUES(137,193,125000);
INSERT INTO postings VALUES(160,193,125000);
INSERT INTO postings VALUES(90,194,197900);
INSERT INTO postings VALUES(114,194,197900);
INSERT INTO postings VALUES(161,194,197900);
INSERT INTO postings VALUES(138,194,197950);
INSERT INTO postings VALUES(90,195,197900);
INSERT INTO postings VALUES(114,195,197900);
INSERT INTO postings VALUES(161,195,197900);
INSERT INTO postings VALUES(138,195,197950);
INSERT INTO postings VALUES(91,196,500000);
INSERT INTO postings VALUES(115,196,500000);
INSERT INTO postings VALUES(139,196,500000);
INSERT INTO postings VALUES(162,196,500000);
INSERT INTO postings VALUES(92,197,385400);
INSERT INTO postings VALUES(116,197,385400);
INSERT INTO postings VALUES(163,197,385400);
INSERT INTO postings VALUES(140,197,385450);
INSERT INTO postings VALUES(92,198,385400);
INSERT INTO postings VALUES(116,198,385400);
INSERT INTO postings VALUES(163,198,385400);
INSERT INTO postings VALUES(140,198,385450);
INSERT INTO postings VALUES(93,199,138866);
INSERT INTO postings VALUES(164,199,138866);
INSERT INTO postings VALUES(117,199,138900);
INSERT INTO postings VALUES(141,199,138900);
INSERT INTO postings VALUES(93,200,138867);
INSERT INTO postings VALUES(164,200,138867);
INSERT INTO postings VALUES(141,200,138900);
INSERT INTO postings VALUES(117,200,138901);
INSERT INTO postings VALUES(93,201,138867);
INSERT INTO postings VALUES(164,201,138867);
INSERT INTO postings VALUES(117,201,138899);
INSERT INTO postings VALUES(141,201,138900);
INSERT INTO postings VALUES(94,202,10400);
INSERT INTO postings VALUES(165,202,10400);
INSERT INTO postings VALUES(118,202,10425);
INSERT INTO postings VALUES(142,202,10425);
INSERT INTO postings VALUES(94,203,20800);
INSERT INTO postings VALUES(165,203,20800);
INSERT INTO postings VALUES(118,203,20850);
INSERT INTO postings VALUES(142,203,20850);
INSERT INTO postings VALUES(94,204,10400);
INSERT INTO postings VALUES(165,204,10400);
INSERT INTO postings VALUES(118,204,10425);
INSERT INTO postings VALUES(142,204,10425);
INSERT INTO postings VALUES(95,205,343750);
INSERT INTO postings VALUES(119,205,343750);
INSERT INTO postings VALUES(143,205,343750);
INSERT INTO postings VALUES(166,205,343750);
INSERT INTO postings VALUES(95,206,343750);
INSERT INTO postings VALUES(119,206,343750);
INSERT INTO postings VALUES(143,206,343750);
INSERT INTO postings VALUES(166,206,343750);
INSERT INTO postings VALUES(96,207,437500);
INSERT INTO postings VALUES(120,207,437500);
INSERT INTO postings VALUES(144,207,437500);
INSERT INTO postings VALUES(167,207,437500);
CREATE TABLE forecasts (
    id          INTEGER PRIMARY KEY,
    proposal    TEXT NOT NULL REFERENCES proposals(ref),
    year        INTEGER NOT NULL,
    period      INTEGER NOT NULL,
    forecast    INTEGER NOT NULL,
    rag         TEXT NOT NULL CHECK (rag IN ('B', 'G', 'A', 'R')),
    comment     TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    actor       TEXT NOT NULL,
    source      TEXT NOT NULL
) STRICT;
INSERT INTO forecasts VALUES(1,'SP-000001',2023,202301,4250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 2');
INSERT INTO forecasts VALUES(2,'SP-000002',2023,202301,8500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 3');
INSERT INTO forecasts VALUES(3,'SP-000003',2023,202301,8500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 4');
INSERT INTO forecasts VALUES(4,'SP-000004',2023,202301,1500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 5');
INSERT INTO forecasts VALUES(5,'SP-000005',2023,202301,5000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 6');
INSERT INTO forecasts VALUES(6,'SP-000006',2023,202301,6750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 7');
INSERT INTO forecasts VALUES(7,'SP-000007',2023,202301,4750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 8');
INSERT INTO forecasts VALUES(8,'SP-000008',2023,202301,3250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 9');
INSERT INTO forecasts VALUES(9,'SP-000009',2023,202301,3500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 10');
INSERT INTO forecasts VALUES(10,'SP-000010',2023,202301,4750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 11');
INSERT INTO forecasts VALUES(11,'SP-000011',2023,202301,9750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 12');
INSERT INTO forecasts VALUES(12,'SP-000012',2023,202301,1312500,'A','Behind plan; mitigation in hand','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 13');
INSERT INTO forecasts VALUES(13,'SP-000013',2023,202301,6000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 14');
INSERT INTO forecasts VALUES(14,'SP-000014',2023,202301,6500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 15');
INSERT INTO forecasts VALUES(15,'SP-000015',2023,202301,2750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 16');
INSERT INTO forecasts VALUES(16,'SP-000016',2023,202301,3500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 17');
INSERT INTO forecasts VALUES(17,'SP-000017',2023,202301,4500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 18');
INSERT INTO forecasts VALUES(18,'SP-000018',2023,202301,3800000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 19');
INSERT INTO forecasts VALUES(19,'SP-000019',2023,202301,6000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 20');
INSERT INTO forecasts VALUES(20,'SP-000020',2023,202301,9250000,'A','','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 21');
INSERT INTO forecasts VALUES(21,'SP-000021',2023,202301,5000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 22');
INSERT INTO forecasts VALUES(22,'SP-000022',2023,202301,500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 23');
INSERT INTO forecasts VALUES(23,'SP-000023',2023,202301,8250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 24');
INSERT INTO forecasts VALUES(24,'SP-000024',2023,202301,5250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 25');
INSERT INTO forecasts VALUES(25,'SP-000001',2023,202302,4250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 2');
INSERT INTO forecasts VALUES(26,'SP-000002',2023,202302,8500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 3');
INSERT INTO forecasts VALUES(27,'SP-000003',2023,202302,8500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 4');
INSERT INTO forecasts VALUES(28,'SP-000004',2023,202302,1500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 5');
INSERT INTO forecasts VALUES(29,'SP-000005',2023,202302,5000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 6');
INSERT INTO forecasts VALUES(30,'SP-000006',2023,202302,6750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 7');
INSERT INTO forecasts VALUES(31,'SP-000007',2023,202302,4750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 8');
INSERT INTO forecasts VALUES(32,'SP-000008',2023,202302,3250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 9');
INSERT INTO forecasts VALUES(33,'SP-000009',2023,202302,3500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 10');
INSERT INTO forecasts VALUES(34,'SP-000010',2023,202302,4750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 11');
INSERT INTO forecasts VALUES(35,'SP-000011',2023,202302,9750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 12');
INSERT INTO forecasts VALUES(36,'SP-000012',2023,202302,1312500,'A','Behind plan; mitigation in hand','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 13');
INSERT INTO forecasts VALUES(37,'SP-000013',2023,202302,6000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 14');
INSERT INTO forecasts VALUES(38,'SP-000014',2023,202302,6500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 15');
INSERT INTO forecasts VALUES(39,'SP-000015',2023,202302,2750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 16');
INSERT INTO forecasts VALUES(40,'SP-000016',2023,202302,3500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 17');
INSERT INTO forecasts VALUES(41,'SP-000017',2023,202302,4500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 18');
INSERT INTO forecasts VALUES(42,'SP-000018',2023,202302,3800000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 19');
INSERT INTO forecasts VALUES(43,'SP-000019',2023,202302,6000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 20');
INSERT INTO forecasts VALUES(44,'SP-000020',2023,202302,9250000,'A','','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 21');
INSERT INTO forecasts VALUES(45,'SP-000021',2023,202302,5000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 22');
INSERT INTO forecasts VALUES(46,'SP-000022',2023,202302,500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 23');
INSERT INTO forecasts VALUES(47,'SP-000023',2023,202302,8250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 24');
INSERT INTO forecasts VALUES(48,'SP-000024',2023,202302,5250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 25');
INSERT INTO forecasts VALUES(49,'SP-000001',2023,202303,4250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 2');
INSERT INTO forecasts VALUES(50,'SP-000002',2023,202303,8500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 3');
INSERT INTO forecasts VALUES(51,'SP-000003',2023,202303,8500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 4');
INSERT INTO forecasts VALUES(52,'SP-000004',2023,202303,1500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 5');
INSERT INTO forecasts VALUES(53,'SP-000005',2023,202303,5000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 6');
INSERT INTO forecasts VALUES(54,'SP-000006',2023,202303,6750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 7');
INSERT INTO forecasts VALUES(55,'SP-000007',2023,202303,4750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 8');
INSERT INTO forecasts VALUES(56,'SP-000008',2023,202303,3250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 9');
INSERT INTO forecasts VALUES(57,'SP-000009',2023,202303,3500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 10');
INSERT INTO forecasts VALUES(58,'SP-000010',2023,202303,4750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 11');
INSERT INTO forecasts VALUES(59,'SP-000011',2023,202303,9750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 12');
INSERT INTO forecasts VALUES(60,'SP-000012',2023,202303,1312500,'A','Behind plan; mitigation in hand','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 13');
INSERT INTO forecasts VALUES(61,'SP-000013',2023,202303,6000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 14');
INSERT INTO forecasts VALUES(62,'SP-000014',2023,202303,6500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 15');
INSERT INTO forecasts VALUES(63,'SP-000015',2023,202303,2750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 16');
INSERT INTO forecasts VALUES(64,'SP-000016',2023,202303,3500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 17');
INSERT INTO forecasts VALUES(65,'SP-000017',2023,202303,4500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 18');
INSERT INTO forecasts VALUES(66,'SP-000018',2023,202303,3800000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 19');
INSERT INTO forecasts VALUES(67,'SP-000019',2023,202303,6000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 20');
INSERT INTO forecasts VALUES(68,'SP-000020',2023,202303,9250000,'A','','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 21');
INSERT INTO forecasts VALUES(69,'SP-000021',2023,202303,5000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 22');
INSERT INTO forecasts VALUES(70,'SP-000022',2023,202303,500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 23');
INSERT INTO forecasts VALUES(71,'SP-000023',2023,202303,8250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 24');
INSERT INTO forecasts VALUES(72,'SP-000024',2023,202303,5250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 25');
INSERT INTO forecasts VALUES(73,'SP-000001',2023,202304,4250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 2');
INSERT INTO forecasts VALUES(74,'SP-000002',2023,202304,8500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 3');
INSERT INTO forecasts VALUES(75,'SP-000003',2023,202304,8500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 4');
INSERT INTO forecasts VALUES(76,'SP-000004',2023,202304,1500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 5');
INSERT INTO forecasts VALUES(77,'SP-000005',2023,202304,5000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 6');
INSERT INTO forecasts VALUES(78,'SP-000006',2023,202304,6750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 7');
INSERT INTO forecasts VALUES(79,'SP-000007',2023,202304,4750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 8');
INSERT INTO forecasts VALUES(80,'SP-000008',2023,202304,3250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 9');
INSERT INTO forecasts VALUES(81,'SP-000009',2023,202304,3500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 10');
INSERT INTO forecasts VALUES(82,'SP-000010',2023,202304,4750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 11');
INSERT INTO forecasts VALUES(83,'SP-000011',2023,202304,9750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 12');
INSERT INTO forecasts VALUES(84,'SP-000012',2023,202304,1312500,'A','Behind plan; mitigation in hand','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 13');
INSERT INTO forecasts VALUES(85,'SP-000013',2023,202304,6000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 14');
INSERT INTO forecasts VALUES(86,'SP-000015',2023,202304,2750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 15');
INSERT INTO forecasts VALUES(87,'SP-000016',2023,202304,3500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 16');
INSERT INTO forecasts VALUES(88,'SP-000017',2023,202304,4500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 17');
INSERT INTO forecasts VALUES(89,'SP-000018',2023,202304,3800000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 18');
INSERT INTO forecasts VALUES(90,'SP-000019',2023,202304,6000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 19');
INSERT INTO forecasts VALUES(91,'SP-000020',2023,202304,9250000,'A','','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 20');
INSERT INTO forecasts VALUES(92,'SP-000021',2023,202304,5000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 21');
INSERT INTO forecasts VALUES(93,'SP-000022',2023,202304,500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 22');
INSERT INTO forecasts VALUES(94,'SP-000023',2023,202304,8250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 23');
INSERT INTO forecasts VALUES(95,'SP-000024',2023,202304,5250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 24');
INSERT INTO forecasts VALUES(96,'SP-000001',2023,202305,500000,'A','late','2023-08-15T09:00:00Z','root','command line: mtfs forecast SP-000001 5,000 --rag A --period 2023-08 --comment late');
CREATE TABLE return_lines (
    id                INTEGER PRIMARY KEY,
    proposal          TEXT NOT NULL REFERENCES proposals(ref),
    year              INTEGER NOT NULL,
    period            INTEGER NOT NULL,
    delivered_to_date INTEGER NOT NULL,
    forecast          INTEGER,
    rag               TEXT CHECK (rag IN ('B', 'G', 'A', 'R')),
    comment           TEXT NOT NULL,
    recorded_at       TEXT NOT NULL,
    actor             TEXT NOT NULL,
    source            TEXT NOT NULL
) STRICT;
INSERT INTO return_lines VALUES(1,'SP-000001',2023,202301,354100,4250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 2');
INSERT INTO return_lines VALUES(2,'SP-000002',2023,202301,708300,8500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 3');
INSERT INTO return_lines VALUES(3,'SP-000003',2023,202301,708300,8500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 4');
INSERT INTO return_lines VALUES(4,'SP-000004',2023,202301,125000,1500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 5');
INSERT INTO return_lines VALUES(5,'SP-000005',2023,202301,416600,5000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 6');
INSERT INTO return_lines VALUES(6,'SP-000006',2023,202301,562500,6750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 7');
INSERT INTO return_lines VALUES(7,'SP-000007',2023,202301,395800,4750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 8');
INSERT INTO return_lines VALUES(8,'SP-000008',2023,202301,270800,3250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 9');
INSERT INTO return_lines VALUES(9,'SP-000009',2023,202301,291600,3500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 10');
INSERT INTO return_lines VALUES(10,'SP-000010',2023,202301,395800,4750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 11');
INSERT INTO return_lines VALUES(11,'SP-000011',2023,202301,812500,9750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 12');
INSERT INTO return_lines VALUES(12,'SP-000012',2023,202301,72900,1312500,'A','Behind plan; mitigation in hand','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 13');
INSERT INTO return_lines VALUES(13,'SP-000013',2023,202301,500000,6000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 14');
INSERT INTO return_lines VALUES(14,'SP-000014',2023,202301,541600,6500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 15');
INSERT INTO return_lines VALUES(15,'SP-000015',2023,202301,229100,2750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 16');
INSERT INTO return_lines VALUES(16,'SP-000016',2023,202301,291600,3500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 17');
INSERT INTO return_lines VALUES(17,'SP-000017',2023,202301,375000,4500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 18');
INSERT INTO return_lines VALUES(18,'SP-000018',2023,202301,395800,3800000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 19');
INSERT INTO return_lines VALUES(19,'SP-000019',2023,202301,500000,6000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 20');
INSERT INTO return_lines VALUES(20,'SP-000020',2023,202301,770800,9250000,'A','','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 21');
INSERT INTO return_lines VALUES(21,'SP-000021',2023,202301,416600,5000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 22');
INSERT INTO return_lines VALUES(22,'SP-000022',2023,202301,41600,500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 23');
INSERT INTO return_lines VALUES(23,'SP-000023',2023,202301,687500,8250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 24');
INSERT INTO return_lines VALUES(24,'SP-000024',2023,202301,437500,5250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-04.csv line 25');
INSERT INTO return_lines VALUES(25,'SP-000001',2023,202302,708300,4250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 2');
INSERT INTO return_lines VALUES(26,'SP-000002',2023,202302,1416600,8500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 3');
INSERT INTO return_lines VALUES(27,'SP-000003',2023,202302,1416600,8500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 4');
INSERT INTO return_lines VALUES(28,'SP-000004',2023,202302,250000,1500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 5');
INSERT INTO return_lines VALUES(29,'SP-000005',2023,202302,833300,5000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 6');
INSERT INTO return_lines VALUES(30,'SP-000006',2023,202302,1125000,6750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 7');
INSERT INTO return_lines VALUES(31,'SP-000007',2023,202302,791600,4750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 8');
INSERT INTO return_lines VALUES(32,'SP-000008',2023,202302,541600,3250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 9');
INSERT INTO return_lines VALUES(33,'SP-000009',2023,202302,583300,3500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 10');
INSERT INTO return_lines VALUES(34,'SP-000010',2023,202302,791600,4750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 11');
INSERT INTO return_lines VALUES(35,'SP-000011',2023,202302,1625000,9750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 12');
INSERT INTO return_lines VALUES(36,'SP-000012',2023,202302,145800,1312500,'A','Behind plan; mitigation in hand','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 13');
INSERT INTO return_lines VALUES(37,'SP-000013',2023,202302,1000000,6000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 14');
INSERT INTO return_lines VALUES(38,'SP-000014',2023,202302,1083300,6500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 15');
INSERT INTO return_lines VALUES(39,'SP-000015',2023,202302,458300,2750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 16');
INSERT INTO return_lines VALUES(40,'SP-000016',2023,202302,583300,3500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 17');
INSERT INTO return_lines VALUES(41,'SP-000017',2023,202302,750000,4500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 18');
INSERT INTO return_lines VALUES(42,'SP-000018',2023,202302,791600,3800000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 19');
INSERT INTO return_lines VALUES(43,'SP-000019',2023,202302,1000000,6000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 20');
INSERT INTO return_lines VALUES(44,'SP-000020',2023,202302,1541600,9250000,'A','','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 21');
INSERT INTO return_lines VALUES(45,'SP-000021',2023,202302,833300,5000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 22');
INSERT INTO return_lines VALUES(46,'SP-000022',2023,202302,83300,500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 23');
INSERT INTO return_lines VALUES(47,'SP-000023',2023,202302,1375000,8250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 24');
INSERT INTO return_lines VALUES(48,'SP-000024',2023,202302,875000,5250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-05.csv line 25');
INSERT INTO return_lines VALUES(49,'SP-000001',2023,202303,1062500,4250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 2');
INSERT INTO return_lines VALUES(50,'SP-000002',2023,202303,2125000,8500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 3');
INSERT INTO return_lines VALUES(51,'SP-000003',2023,202303,2125000,8500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 4');
INSERT INTO return_lines VALUES(52,'SP-000004',2023,202303,375000,1500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 5');
INSERT INTO return_lines VALUES(53,'SP-000005',2023,202303,1250000,5000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 6');
INSERT INTO return_lines VALUES(54,'SP-000006',2023,202303,1687500,6750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 7');
INSERT INTO return_lines VALUES(55,'SP-000007',2023,202303,1187500,4750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 8');
INSERT INTO return_lines VALUES(56,'SP-000008',2023,202303,812500,3250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 9');
INSERT INTO return_lines VALUES(57,'SP-000009',2023,202303,875000,3500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 10');
INSERT INTO return_lines VALUES(58,'SP-000010',2023,202303,1187500,4750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 11');
INSERT INTO return_lines VALUES(59,'SP-000011',2023,202303,2437500,9750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 12');
INSERT INTO return_lines VALUES(60,'SP-000012',2023,202303,218700,1312500,'A','Behind plan; mitigation in hand','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 13');
INSERT INTO return_lines VALUES(61,'SP-000013',2023,202303,1500000,6000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 14');
INSERT INTO return_lines VALUES(62,'SP-000014',2023,202303,1625000,6500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 15');
INSERT INTO return_lines VALUES(63,'SP-000015',2023,202303,687500,2750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 16');
INSERT INTO return_lines VALUES(64,'SP-000016',2023,202303,875000,3500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 17');
INSERT INTO return_lines VALUES(65,'SP-000017',2023,202303,1125000,4500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 18');
INSERT INTO return_lines VALUES(66,'SP-000018',2023,202303,1187500,3800000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 19');
INSERT INTO return_lines VALUES(67,'SP-000019',2023,202303,1500000,6000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 20');
INSERT INTO return_lines VALUES(68,'SP-000020',2023,202303,2312500,9250000,'A','','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 21');
INSERT INTO return_lines VALUES(69,'SP-000021',2023,202303,1250000,5000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 22');
INSERT INTO return_lines VALUES(70,'SP-000022',2023,202303,125000,500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 23');
INSERT INTO return_lines VALUES(71,'SP-000023',2023,202303,2062500,8250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 24');
INSERT INTO return_lines VALUES(72,'SP-000024',2023,202303,1312500,5250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-06.csv line 25');
INSERT INTO return_lines VALUES(73,'SP-000001',2023,202304,1416600,4250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 2');
INSERT INTO return_lines VALUES(74,'SP-000002',2023,202304,2833300,8500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 3');
INSERT INTO return_lines VALUES(75,'SP-000003',2023,202304,2833300,8500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 4');
INSERT INTO return_lines VALUES(76,'SP-000004',2023,202304,500000,1500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 5');
INSERT INTO return_lines VALUES(77,'SP-000005',2023,202304,1666600,5000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 6');
INSERT INTO return_lines VALUES(78,'SP-000006',2023,202304,2250000,6750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 7');
INSERT INTO return_lines VALUES(79,'SP-000007',2023,202304,1583300,4750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 8');
INSERT INTO return_lines VALUES(80,'SP-000008',2023,202304,1083300,3250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 9');
INSERT INTO return_lines VALUES(81,'SP-000009',2023,202304,1166600,3500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 10');
INSERT INTO return_lines VALUES(82,'SP-000010',2023,202304,1583300,4750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 11');
INSERT INTO return_lines VALUES(83,'SP-000011',2023,202304,3250000,9750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 12');
INSERT INTO return_lines VALUES(84,'SP-000012',2023,202304,291600,1312500,'A','Behind plan; mitigation in hand','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 13');
INSERT INTO return_lines VALUES(85,'SP-000013',2023,202304,2000000,6000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 14');
INSERT INTO return_lines VALUES(86,'SP-000015',2023,202304,916600,2750000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 15');
INSERT INTO return_lines VALUES(87,'SP-000016',2023,202304,1166600,3500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 16');
INSERT INTO return_lines VALUES(88,'SP-000017',2023,202304,1500000,4500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 17');
INSERT INTO return_lines VALUES(89,'SP-000018',2023,202304,1583300,3800000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 18');
INSERT INTO return_lines VALUES(90,'SP-000019',2023,202304,2000000,6000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 19');
INSERT INTO return_lines VALUES(91,'SP-000020',2023,202304,3083300,9250000,'A','','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 20');
INSERT INTO return_lines VALUES(92,'SP-000021',2023,202304,1666600,5000000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 21');
INSERT INTO return_lines VALUES(93,'SP-000022',2023,202304,166600,500000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 22');
INSERT INTO return_lines VALUES(94,'SP-000023',2023,202304,2750000,8250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 23');
INSERT INTO return_lines VALUES(95,'SP-000024',2023,202304,1750000,5250000,'G','On track','2023-08-15T09:00:00Z','Loader','pack/returns/2023-07.csv line 24');
CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    actor       TEXT NOT NULL
) STRICT;
INSERT INTO settings VALUES('behind-profile-minimum','£25,000.00','2023-08-15T09:00:00Z','root');
CREATE TABLE sign_offs (
    id          INTEGER PRIMARY KEY,
    holder      TEXT NOT NULL,
    period      INTEGER NOT NULL,
    signed_by   TEXT NOT NULL,
    signed_at   TEXT NOT NULL,
    comment     TEXT NOT NULL,
    source      TEXT NOT NULL
) STRICT;
INSERT INTO sign_offs VALUES(1,'Leo Nair 1',202304,'Someone','2023-08-15T09:00:00Z','ok','command line: mtfs sign-off --holder ''Leo Nair 1'' --period 2023-07 --as Someone --comment ok');
CREATE TABLE position_lines (
    proposal        TEXT NOT NULL REFERENCES proposals(ref),
    year            INTEGER NOT NULL,
    cost_centre     TEXT NOT NULL REFERENCES cost_centres(code),
    planned         INTEGER NOT NULL,
    delivered       INTEGER NOT NULL,
    unachievable    INTEGER NOT NULL,
    original_target INTEGER NOT NULL,
    slipped_in      INTEGER NOT NULL,
    slipped_out     INTEGER NOT NULL,
    PRIMARY KEY (proposal, year, cost_centre)
) STRICT, WITHOUT ROWID;
INSERT INTO position_lines VALUES('SP-000001',2023,'CC-000007',1366700,758300,0,2125000,0,0);
INSERT INTO position_lines VALUES('SP-000001',2023,'CC-000009',1366700,758300,0,2125000,0,0);
INSERT INTO position_lines VALUES('SP-000001',2024,'CC-000007',375000,0,0,375000,0,0);
INSERT INTO position_lines VALUES('SP-000001',2024,'CC-000009',375000,0,0,375000,0,0);
INSERT INTO position_lines VALUES('SP-000001',2025,'CC-000007',3750000,0,0,3750000,0,0);
INSERT INTO position_lines VALUES('SP-000001',2025,'CC-000009',3750000,0,0,3750000,0,0);
INSERT INTO position_lines VALUES('SP-000002',2023,'CC-000001',1888900,944433,0,2833333,0,0);
INSERT INTO position_lines VALUES('SP-000002',2023,'CC-000007',1888901,944432,0,2833333,0,0);
INSERT INTO position_lines VALUES('SP-000002',2023,'CC-000011',1888899,944435,0,2833334,0,0);
INSERT INTO position_lines VALUES('SP-000002',2024,'CC-000001',833333,0,0,833333,0,0);
INSERT INTO position_lines VALUES('SP-000002',2024,'CC-000007',833333,0,0,833333,0,0);
INSERT INTO position_lines VALUES('SP-000002',2024,'CC-000011',833334,0,0,833334,0,0);
INSERT INTO position_lines VALUES('SP-000002',2025,'CC-000001',2666666,0,0,2666666,0,0);
INSERT INTO position_lines VALUES('SP-000002',2025,'CC-000007',2666666,0,0,2666666,0,0);
INSERT INTO position_lines VALUES('SP-000002',2025,'CC-000011',2666668,0,0,2666668,0,0);
INSERT INTO position_lines VALUES('SP-000003',2023,'CC-000007',5666700,2833300,0,8500000,0,0);
INSERT INTO position_lines VALUES('SP-000003',2024,'CC-000007',4500000,0,0,4500000,0,0);
INSERT INTO position_lines VALUES('SP-000003',2025,'CC-000007',4750000,0,0,4750000,0,0);
INSERT INTO position_lines VALUES('SP-000004',2023,'CC-000001',250000,125000,0,375000,0,0);
INSERT INTO position_lines VALUES('SP-000004',2023,'CC-000003',500000,250000,0,750000,0,0);
INSERT INTO position_lines VALUES('SP-000004',2023,'CC-000005',250000,125000,0,375000,0,0);
INSERT INTO position_lines VALUES('SP-000004',2024,'CC-000001',2000000,0,0,2000000,0,0);
INSERT INTO position_lines VALUES('SP-000004',2024,'CC-000003',4000000,0,0,4000000,0,0);
INSERT INTO position_lines VALUES('SP-000004',2024,'CC-000005',2000000,0,0,2000000,0,0);
INSERT INTO position_lines VALUES('SP-000004',2025,'CC-000001',1375000,0,0,1375000,0,0);
INSERT INTO position_lines VALUES('SP-000004',2025,'CC-000003',2750000,0,0,2750000,0,0);
INSERT INTO position_lines VALUES('SP-000004',2025,'CC-000005',1375000,0,0,1375000,0,0);
INSERT INTO position_lines VALUES('SP-000005',2023,'CC-000001',1666700,833300,0,2500000,0,0);
INSERT INTO position_lines VALUES('SP-000005',2023,'CC-000003',1666700,833300,0,2500000,0,0);
INSERT INTO position_lines VALUES('SP-000005',2024,'CC-000001',3250000,0,0,3250000,0,0);
INSERT INTO position_lines VALUES('SP-000005',2024,'CC-000003',3250000,0,0,3250000,0,0);
INSERT INTO position_lines VALUES('SP-000005',2025,'CC-000001',3375000,0,0,3375000,0,0);
INSERT INTO position_lines VALUES('SP-000005',2025,'CC-000003',3375000,0,0,3375000,0,0);
INSERT INTO position_lines VALUES('SP-000006',2023,'CC-000001',1500000,750000,0,2250000,0,0);
INSERT INTO position_lines VALUES('SP-000006',2023,'CC-000005',1500000,750000,0,2250000,0,0);
INSERT INTO position_lines VALUES('SP-000006',2023,'CC-000007',1500000,750000,0,2250000,0,0);
INSERT INTO position_lines VALUES('SP-000006',2024,'CC-000001',916666,0,0,916666,0,0);
INSERT INTO position_lines VALUES('SP-000006',2024,'CC-000005',916668,0,0,916668,0,0);
INSERT INTO position_lines VALUES('SP-000006',2024,'CC-000007',916666,0,0,916666,0,0);
INSERT INTO position_lines VALUES('SP-000006',2025,'CC-000001',666666,0,0,666666,0,0);
INSERT INTO position_lines VALUES('SP-000006',2025,'CC-000005',666668,0,0,666668,0,0);
INSERT INTO position_lines VALUES('SP-000006',2025,'CC-000007',666666,0,0,666666,0,0);
INSERT INTO position_lines VALUES('SP-000007',2023,'CC-000011',3166700,1583300,0,4750000,0,0);
INSERT INTO position_lines VALUES('SP-000007',2024,'CC-000011',5250000,0,0,5250000,0,0);
INSERT INTO position_lines VALUES('SP-000007',2025,'CC-000011',250000,0,0,250000,0,0);
INSERT INTO position_lines VALUES('SP-000008',2023,'CC-000003',1083350,541650,0,1625000,0,0);
INSERT INTO position_lines VALUES('SP-000008',2023,'CC-000011',1083350,541650,0,1625000,0,0);
INSERT INTO position_lines VALUES('SP-000008',2024,'CC-000003',3250000,0,0,3250000,0,0);
INSERT INTO position_lines VALUES('SP-000008',2024,'CC-000011',3250000,0,0,3250000,0,0);
INSERT INTO position_lines VALUES('SP-000008',2025,'CC-000003',625000,0,0,625000,0,0);
INSERT INTO position_lines VALUES('SP-000008',2025,'CC-000011',625000,0,0,625000,0,0);
INSERT INTO position_lines VALUES('SP-000009',2023,'CC-000007',1166700,583300,0,1750000,0,0);
INSERT INTO position_lines VALUES('SP-000009',2023,'CC-000009',1166700,583300,0,1750000,0,0);
INSERT INTO position_lines VALUES('SP-000009',2024,'CC-000007',2250000,0,0,2250000,0,0);
INSERT INTO position_lines VALUES('SP-000009',2024,'CC-000009',2250000,0,0,2250000,0,0);
INSERT INTO position_lines VALUES('SP-000009',2025,'CC-000007',1625000,0,0,1625000,0,0);
INSERT INTO position_lines VALUES('SP-000009',2025,'CC-000009',1625000,0,0,1625000,0,0);
INSERT INTO position_lines VALUES('SP-000010',2023,'CC-000005',1583350,791650,0,2375000,0,0);
INSERT INTO position_lines VALUES('SP-000010',2023,'CC-000011',1583350,791650,0,2375000,0,0);
INSERT INTO position_lines VALUES('SP-000010',2024,'CC-000005',2125000,0,0,2125000,0,0);
INSERT INTO position_lines VALUES('SP-000010',2024,'CC-000011',2125000,0,0,2125000,0,0);
INSERT INTO position_lines VALUES('SP-000010',2025,'CC-000005',5000000,0,0,5000000,0,0);
INSERT INTO position_lines VALUES('SP-000010',2025,'CC-000011',5000000,0,0,5000000,0,0);
INSERT INTO position_lines VALUES('SP-000011',2023,'CC-000007',3250000,1625000,0,4875000,0,0);
INSERT INTO position_lines VALUES('SP-000011',2023,'CC-000011',3250000,1625000,0,4875000,0,0);
INSERT INTO position_lines VALUES('SP-000011',2024,'CC-000007',4375000,0,0,4375000,0,0);
INSERT INTO position_lines VALUES('SP-000011',2024,'CC-000011',4375000,0,0,4375000,0,0);
INSERT INTO position_lines VALUES('SP-000011',2025,'CC-000007',5000000,0,0,5000000,0,0);
INSERT INTO position_lines VALUES('SP-000011',2025,'CC-000011',5000000,0,0,5000000,0,0);
INSERT INTO position_lines VALUES('SP-000012',2023,'CC-000001',364600,72900,0,437500,0,0);
INSERT INTO position_lines VALUES('SP-000012',2023,'CC-000009',729200,145800,0,875000,0,0);
INSERT INTO position_lines VALUES('SP-000012',2023,'CC-000011',364600,72900,0,437500,0,0);
INSERT INTO position_lines VALUES('SP-000012',2024,'CC-000001',1812500,0,0,1812500,0,0);
INSERT INTO position_lines VALUES('SP-000012',2024,'CC-000009',3625000,0,0,3625000,0,0);
INSERT INTO position_lines VALUES('SP-000012',2024,'CC-000011',1812500,0,0,1812500,0,0);
INSERT INTO position_lines VALUES('SP-000012',2025,'CC-000001',1625000,0,0,1625000,0,0);
INSERT INTO position_lines VALUES('SP-000012',2025,'CC-000009',3250000,0,0,3250000,0,0);
INSERT INTO position_lines VALUES('SP-000012',2025,'CC-000011',1625000,0,0,1625000,0,0);
INSERT INTO position_lines VALUES('SP-000013',2023,'CC-000005',2000000,1000000,0,3000000,0,0);
INSERT INTO position_lines VALUES('SP-000013',2023,'CC-000009',2000000,1000000,0,3000000,0,0);
INSERT INTO position_lines VALUES('SP-000013',2024,'CC-000005',1250000,0,0,1250000,0,0);
INSERT INTO position_lines VALUES('SP-000013',2024,'CC-000009',1250000,0,0,1250000,0,0);
INSERT INTO position_lines VALUES('SP-000013',2025,'CC-000005',3375000,0,0,3375000,0,0);
INSERT INTO position_lines VALUES('SP-000013',2025,'CC-000009',3375000,0,0,3375000,0,0);
INSERT INTO position_lines VALUES('SP-000014',2023,'CC-000003',4875000,1625000,0,6500000,0,0);
INSERT INTO position_lines VALUES('SP-000014',2024,'CC-000003',8250000,0,0,8250000,0,0);
INSERT INTO position_lines VALUES('SP-000014',2025,'CC-000003',4500000,0,0,4500000,0,0);
INSERT INTO position_lines VALUES('SP-000015',2023,'CC-000001',458350,229150,0,687500,0,0);
INSERT INTO position_lines VALUES('SP-000015',2023,'CC-000003',916700,458300,0,1375000,0,0);
INSERT INTO position_lines VALUES('SP-000015',2023,'CC-000007',458350,229150,0,687500,0,0);
INSERT INTO position_lines VALUES('SP-000015',2024,'CC-000001',1375000,0,0,1375000,0,0);
INSERT INTO position_lines VALUES('SP-000015',2024,'CC-000003',2750000,0,0,2750000,0,0);
INSERT INTO position_lines VALUES('SP-000015',2024,'CC-000007',1375000,0,0,1375000,0,0);
INSERT INTO position_lines VALUES('SP-000015',2025,'CC-000001',2125000,0,0,2125000,0,0);
INSERT INTO position_lines VALUES('SP-000015',2025,'CC-000003',4250000,0,0,4250000,0,0);
INSERT INTO position_lines VALUES('SP-000015',2025,'CC-000007',2125000,0,0,2125000,0,0);
INSERT INTO position_lines VALUES('SP-000016',2023,'CC-000003',1166700,583300,0,1750000,0,0);
INSERT INTO position_lines VALUES('SP-000016',2023,'CC-000009',1166700,583300,0,1750000,0,0);
INSERT INTO position_lines VALUES('SP-000016',2024,'CC-000003',4000000,0,0,4000000,0,0);
INSERT INTO position_lines VALUES('SP-000016',2024,'CC-000009',4000000,0,0,4000000,0,0);
INSERT INTO position_lines VALUES('SP-000016',2025,'CC-000003',2375000,0,0,2375000,0,0);
INSERT INTO position_lines VALUES('SP-000016',2025,'CC-000009',2375000,0,0,2375000,0,0);
INSERT INTO position_lines VALUES('SP-000017',2023,'CC-000001',1000000,500000,0,1500000,0,0);
INSERT INTO position_lines VALUES('SP-000017',2023,'CC-000003',1000000,500000,0,1500000,0,0);
INSERT INTO position_lines VALUES('SP-000017',2023,'CC-000005',1000000,500000,0,1500000,0,0);
INSERT INTO position_lines VALUES('SP-000017',2024,'CC-000001',1916666,0,0,1916666,0,0);
INSERT INTO position_lines VALUES('SP-000017',2024,'CC-000003',1916668,0,0,1916668,0,0);
INSERT INTO position_lines VALUES('SP-000017',2024,'CC-000005',1916666,0,0,1916666,0,0);
INSERT INTO position_lines VALUES('SP-000017',2025,'CC-000001',2583333,0,0,2583333,0,0);
INSERT INTO position_lines VALUES('SP-000017',2025,'CC-000003',2583334,0,0,2583334,0,0);
INSERT INTO position_lines VALUES('SP-000017',2025,'CC-000005',2583333,0,0,2583333,0,0);
INSERT INTO position_lines VALUES('SP-000018',2023,'CC-000001',1583350,791650,0,2375000,0,0);
INSERT INTO position_lines VALUES('SP-000018',2023,'CC-000009',1583350,791650,0,2375000,0,0);
INSERT INTO position_lines VALUES('SP-000018',2024,'CC-000001',2125000,0,0,2125000,0,0);
INSERT INTO position_lines VALUES('SP-000018',2024,'CC-000009',2125000,0,0,2125000,0,0);
INSERT INTO position_lines VALUES('SP-000018',2025,'CC-000001',375000,0,0,375000,0,0);
INSERT INTO position_lines VALUES('SP-000018',2025,'CC-000009',375000,0,0,375000,0,0);
INSERT INTO position_lines VALUES('SP-000019',2023,'CC-000011',4000000,2000000,0,6000000,0,0);
INSERT INTO position_lines VALUES('SP-000019',2024,'CC-000011',5000000,0,0,5000000,0,0);
INSERT INTO position_lines VALUES('SP-000019',2025,'CC-000011',9750000,0,0,9750000,0,0);
INSERT INTO position_lines VALUES('SP-000020',2023,'CC-000001',3083350,1541650,0,4625000,0,0);
INSERT INTO position_lines VALUES('SP-000020',2023,'CC-000005',3083350,1541650,0,4625000,0,0);
INSERT INTO position_lines VALUES('SP-000020',2024,'CC-000001',2875000,0,0,2875000,0,0);
INSERT INTO position_lines VALUES('SP-000020',2024,'CC-000005',2875000,0,0,2875000,0,0);
INSERT INTO position_lines VALUES('SP-000020',2025,'CC-000001',250000,0,0,250000,0,0);
INSERT INTO position_lines VALUES('SP-000020',2025,'CC-000005',250000,0,0,250000,0,0);
INSERT INTO position_lines VALUES('SP-000021',2023,'CC-000001',1111134,555532,0,1666666,0,0);
INSERT INTO position_lines VALUES('SP-000021',2023,'CC-000009',1111133,555535,0,1666668,0,0);
INSERT INTO position_lines VALUES('SP-000021',2023,'CC-000011',1111133,555533,0,1666666,0,0);
INSERT INTO position_lines VALUES('SP-000021',2024,'CC-000001',500000,0,0,500000,0,0);
INSERT INTO position_lines VALUES('SP-000021',2024,'CC-000009',500000,0,0,500000,0,0);
INSERT INTO position_lines VALUES('SP-000021',2024,'CC-000011',500000,0,0,500000,0,0);
INSERT INTO position_lines VALUES('SP-000021',2025,'CC-000001',416666,0,0,416666,0,0);
INSERT INTO position_lines VALUES('SP-000021',2025,'CC-000009',416668,0,0,416668,0,0);
INSERT INTO position_lines VALUES('SP-000021',2025,'CC-000011',416666,0,0,416666,0,0);
INSERT INTO position_lines VALUES('SP-000022',2023,'CC-000007',83350,41650,0,125000,0,0);
INSERT INTO position_lines VALUES('SP-000022',2023,'CC-000009',166700,83300,0,250000,0,0);
INSERT INTO position_lines VALUES('SP-000022',2023,'CC-000011',83350,41650,0,125000,0,0);
INSERT INTO position_lines VALUES('SP-000022',2024,'CC-000007',2250000,0,0,2250000,0,0);
INSERT INTO position_lines VALUES('SP-000022',2024,'CC-000009',4500000,0,0,4500000,0,0);
INSERT INTO position_lines VALUES('SP-000022',2024,'CC-000011',2250000,0,0,2250000,0,0);
INSERT INTO position_lines VALUES('SP-000022',2025,'CC-000007',312500,0,0,312500,0,0);
INSERT INTO position_lines VALUES('SP-000022',2025,'CC-000009',625000,0,0,625000,0,0);
INSERT INTO position_lines VALUES('SP-000022',2025,'CC-000011',312500,0,0,312500,0,0);
INSERT INTO position_lines VALUES('SP-000023',2023,'CC-000001',2750000,1375000,0,4125000,0,0);
INSERT INTO position_lines VALUES('SP-000023',2023,'CC-000005',2750000,1375000,0,4125000,0,0);
INSERT INTO position_lines VALUES('SP-000023',2024,'CC-000001',4500000,0,0,4500000,0,0);
INSERT INTO position_lines VALUES('SP-000023',2024,'CC-000005',4500000,0,0,4500000,0,0);
INSERT INTO position_lines VALUES('SP-000023',2025,'CC-000001',2750000,0,0,2750000,0,0);
INSERT INTO position_lines VALUES('SP-000023',2025,'CC-000005',2750000,0,0,2750000,0,0);
INSERT INTO position_lines VALUES('SP-000024',2023,'CC-000003',3500000,1750000,0,5250000,0,0);
INSERT INTO position_lines VALUES('SP-000024',2024,'CC-000003',4250000,0,0,4250000,0,0);
INSERT INTO position_lines VALUES('SP-000024',2025,'CC-000003',2000000,0,0,2000000,0,0);
CREATE INDEX proposal_cost_centres_by_centre ON proposal_cost_centres(cost_centre);
CREATE UNIQUE INDEX accounts_requirement ON accounts(year) WHERE kind = 'requirement';
CREATE UNIQUE INDEX accounts_proposal ON accounts(proposal, year, cost_centre, kind) WHERE proposal IS NOT NULL;
CREATE INDEX entries_by_proposal ON entries(proposal, year);
CREATE INDEX entries_by_period ON entries(period);
CREATE INDEX entries_by_kind ON entries(kind, proposal, effective, period);
CREATE INDEX postings_by_account ON postings(account, amount);
CREATE INDEX forecasts_by_proposal ON forecasts(proposal, year, period);
CREATE INDEX return_lines_by_period ON return_lines(period, proposal, year);
CREATE INDEX return_lines_by_proposal ON return_lines(proposal, year, period);
CREATE INDEX sign_offs_by_holder ON sign_offs(holder, period);
CREATE INDEX forecasts_by_period ON forecasts(period);
CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
    BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: record a reversing entry instead'); END;
CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
    BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: record a reversing entry instead'); END;
CREATE TRIGGER postings_no_update BEFORE UPDATE ON postings
    BEGIN SELECT RAISE(ABORT, 'ledger postings are append-only: record a reversing entry instead'); END;
CREATE TRIGGER postings_no_delete BEFORE DELETE ON postings
    BEGIN SELECT RAISE(ABORT, 'ledger postings are append-only: record a reversing entry instead'); END;
CREATE TRIGGER accounts_no_update BEFORE UPDATE ON accounts
    BEGIN SELECT RAISE(ABORT, 'accounts are append-only'); END;
CREATE TRIGGER accounts_no_delete BEFORE DELETE ON accounts
    BEGIN SELECT RAISE(ABORT, 'accounts are append-only'); END;
CREATE TRIGGER forecasts_no_update BEFORE UPDATE ON forecasts
    BEGIN SELECT RAISE(ABORT, 'forecasts are append-only: record a new forecast instead'); END;
CREATE TRIGGER forecasts_no_delete BEFORE DELETE ON forecasts
    BEGIN SELECT RAISE(ABORT, 'forecasts are append-only: record a new forecast instead'); END;
CREATE TRIGGER assignments_no_update BEFORE UPDATE ON assignments
    BEGIN SELECT RAISE(ABORT, 'the operating model history is append-only: record a restructure instead'); END;
CREATE TRIGGER assignments_no_delete BEFORE DELETE ON assignments
    BEGIN SELECT RAISE(ABORT, 'the operating model history is append-only: record a restructure instead'); END;
CREATE TRIGGER proposals_no_update BEFORE UPDATE ON proposals
    BEGIN SELECT RAISE(ABORT, 'proposals are append-only'); END;
CREATE TRIGGER proposals_no_delete BEFORE DELETE ON proposals
    BEGIN SELECT RAISE(ABORT, 'proposals are append-only'); END;
CREATE TRIGGER proposal_cost_centres_no_update BEFORE UPDATE ON proposal_cost_centres
    BEGIN SELECT RAISE(ABORT, 'proposals are append-only'); END;
CREATE TRIGGER proposal_cost_centres_no_delete BEFORE DELETE ON proposal_cost_centres
    BEGIN SELECT RAISE(ABORT, 'proposals are append-only'); END;
CREATE TRIGGER baselines_no_update BEFORE UPDATE ON baselines
    BEGIN SELECT RAISE(ABORT, 'baselines are append-only'); END;
CREATE TRIGGER baselines_no_delete BEFORE DELETE ON baselines
    BEGIN SELECT RAISE(ABORT, 'baselines are append-only'); END;
CREATE TRIGGER cost_centres_no_update BEFORE UPDATE ON cost_centres
    BEGIN SELECT RAISE(ABORT, 'cost centres are append-only'); END;
CREATE TRIGGER cost_centres_no_delete BEFORE DELETE ON cost_centres
    BEGIN SELECT RAISE(ABORT, 'cost centres are append-only'); END;
CREATE TRIGGER return_lines_no_update BEFORE UPDATE ON return_lines
    BEGIN SELECT RAISE(ABORT, 'returns are append-only: import a corrected return instead'); END;
CREATE TRIGGER return_lines_no_delete BEFORE DELETE ON return_lines
    BEGIN SELECT RAISE(ABORT, 'returns are append-only: import a corrected return instead'); END;
CREATE TRIGGER sign_offs_no_update BEFORE UPDATE ON sign_offs
    BEGIN SELECT RAISE(ABORT, 'sign-offs are append-only'); END;
CREATE TRIGGER sign_offs_no_delete BEFORE DELETE ON sign_offs
    BEGIN SELECT RAISE(ABORT, 'sign-offs are append-only'); END;
CREATE TRIGGER position_lines_no_delete BEFORE DELETE ON position_lines
    BEGIN SELECT RAISE(ABORT, 'positions follow the ledger entries and are never deleted'); END;
CREATE TRIGGER entries_balanced BEFORE INSERT ON entries
    WHEN (SELECT count(*) FROM postings WHERE entry = NEW.id) = 0
      OR (SELECT sum(amount) FROM postings WHERE entry = NEW.id) <> 0
    BEGIN SELECT RAISE(ABORT, 'an entry must have postings that sum to zero'); END;
CREATE TRIGGER entries_chained BEFORE INSERT ON entries
    WHEN NEW.id <> coalesce((SELECT max(id) FROM entries), 0) + 1
      OR NEW.prev_hash <> coalesce((SELECT hash FROM entries ORDER BY id DESC LIMIT 1),
                                   '0000000000000000000000000000000000000000000000000000000000000000')
    BEGIN SELECT RAISE(ABORT, 'an entry must follow the last entry of the hash chain'); END;
CREATE TRIGGER entries_position_lines AFTER INSERT ON entries
BEGIN
    INSERT INTO position_lines(proposal, year, cost_centre, planned, delivered, unachievable, original_target, slipped_in, slipped_out)
    SELECT a.proposal, a.year, a.cost_centre, CASE WHEN a.kind = 'planned' THEN p.amount ELSE 0 END,
CASE WHEN a.kind = 'delivered' THEN p.amount ELSE 0 END,
CASE WHEN a.kind = 'unachievable' THEN p.amount ELSE 0 END,
CASE WHEN a.kind = 'planned' AND m = 'approve' THEN p.amount ELSE 0 END,
CASE WHEN a.kind = 'planned' AND m = 'slip' AND (p.amount > 0) <> (NEW.reverses IS NOT NULL) THEN p.amount ELSE 0 END,
CASE WHEN a.kind = 'planned' AND m = 'slip' AND (p.amount > 0) = (NEW.reverses IS NOT NULL) THEN -p.amount ELSE 0 END
    FROM (SELECT coalesce((SELECT kind FROM entries WHERE id = NEW.reverses), NEW.kind) AS m)
    JOIN postings p ON p.entry = NEW.id JOIN accounts a ON a.id = p.account
    WHERE a.proposal IS NOT NULL
    ON CONFLICT (proposal, year, cost_centre) DO UPDATE SET
        planned = planned + excluded.planned,
        delivered = delivered + excluded.delivered,
        unachievable = unachievable + excluded.unachievable,
        original_target = original_target + excluded.original_target,
        slipped_in = slipped_in + excluded.slipped_in,
        slipped_out = slipped_out + excluded.slipped_out;
END;
CREATE TRIGGER postings_closed BEFORE INSERT ON postings
    WHEN EXISTS (SELECT 1 FROM entries WHERE id = NEW.entry)
    BEGIN SELECT RAISE(ABORT, 'postings cannot be added to an entry already recorded'); END;
COMMIT;
